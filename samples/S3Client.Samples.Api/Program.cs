using S3Client.Samples.Api;

// A minimal ASP.NET Core API in front of one bucket: uploads and downloads stream straight through (a 1 GiB upload
// needs about PartSize x MaxConcurrency of memory, not 1 GiB), presigned URLs let clients skip the API altogether,
// and /health checks the bucket. Settings come from appsettings.json, overridden by environment variables such as
// S3__ServiceUrl; the API listens on 127.0.0.1 only ("Urls").
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json is copied next to the binary; read it from there, whatever the current folder is.
    ContentRootPath = AppContext.BaseDirectory,
});

// One JSON object per line: what a log shipper expects.
builder.Logging.ClearProviders();
builder.Logging.AddJsonConsole(options =>
{
    options.IncludeScopes = true;
    options.UseUtcTimestamp = true;
    options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
});

builder.Services.AddS3Client(builder.Configuration.GetSection("S3"));
builder.Services.AddOptions<SampleOptions>()
    .Bind(builder.Configuration.GetSection(SampleOptions.SectionName))
    .Validate(o => !string.IsNullOrWhiteSpace(o.Bucket), "Sample:Bucket must name the bucket the API serves.")
    .ValidateOnStart();
builder.Services.AddHostedService<BucketInitializer>();
// HeadBucket on the sample's bucket: 200 "Healthy" when it answers, 503 "Unhealthy" otherwise (5 s timeout).
var bucket = builder.Configuration.GetSection(SampleOptions.SectionName).Get<SampleOptions>()?.Bucket ?? new SampleOptions().Bucket;
builder.Services.AddHealthChecks().AddS3BucketCheck(bucket);

builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<S3ExceptionHandler>();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
builder.Services.AddSampleTelemetry(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapFileEndpoints();
app.MapPresignEndpoint();
app.MapHealthChecks("/health");

app.Run();
