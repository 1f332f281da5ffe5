// An AOT smoke test: register the client, bind options from JSON and the environment, run real calls against a local
// S3 server, exit 0 only if every check passed. Credentials come from S3__AccessKeyId/S3__SecretAccessKey.
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using S3Client;

var configuration = new ConfigurationBuilder()
    .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
    .AddEnvironmentVariables()
    .Build();

var services = new ServiceCollection();
services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
services.AddS3Client(configuration.GetSection("S3"));
await using var provider = services.BuildServiceProvider();
provider.GetRequiredService<IStartupValidator>().Validate();

var options = provider.GetRequiredService<IOptions<S3ClientOptions>>().Value;
var s3 = provider.GetRequiredService<IS3Client>();
var bucket = $"aot-{Guid.NewGuid():N}"[..20];
var data = RandomNumberGenerator.GetBytes(300_000);

await s3.CreateBucketAsync(bucket);
var put = new PutObjectOptions { ContentType = "application/octet-stream" };
put.Metadata["check"] = "aot";
await s3.PutObjectAsync(bucket, "smoke/object.bin", new MemoryStream(data), put);
var head = await s3.HeadObjectAsync(bucket, "smoke/object.bin");
using var copy = new MemoryStream();
await using (var get = await s3.GetObjectAsync(bucket, "smoke/object.bin"))
{
    await get.Content.CopyToAsync(copy);
}

var listed = 0;
await foreach (var item in s3.ListObjectsAsync(bucket, new ListObjectsOptions { Prefix = "smoke/" }))
{
    listed++;
}

var missing = false;
try
{
    await s3.HeadObjectAsync(bucket, "missing");
}
catch (S3NotFoundException)
{
    missing = true;
}

await s3.DeleteObjectAsync(bucket, "smoke/object.bin");
await s3.DeleteBucketAsync(bucket);

var checks = new (string Name, bool Ok)[]
{
    ("options bound", options.AddressingStyle == S3AddressingStyle.Path && options.Retry.MaxRetryAttempts == 2 && options.Timeouts.AttemptTimeout == TimeSpan.FromSeconds(30)),
    ("round trip", copy.ToArray().AsSpan().SequenceEqual(data)),
    ("metadata", head.ContentLength == data.Length && head.Metadata.TryGetValue("check", out var value) && value == "aot"),
    ("listing", listed == 1),
    ("not found", missing),
};
foreach (var (name, ok) in checks)
{
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {name}");
}

return checks.All(c => c.Ok) ? 0 : 1;
