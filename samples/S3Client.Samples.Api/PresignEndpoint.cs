using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace S3Client.Samples.Api;

/// <summary>
/// <c>POST /presign/{key}?method=GET|PUT&amp;expiresInSeconds=3600</c>: a URL that lets its holder download or upload
/// that one object directly from or to S3 until it expires, without going through this API.
/// </summary>
internal static class PresignEndpoint
{
    private const int DefaultExpirySeconds = 3600;

    public static IEndpointRouteBuilder MapPresignEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/presign/{**key}", PresignAsync);
        return app;
    }

    /// <summary>
    /// Computes the URL locally (no request to S3). An expiry outside 1 s..7 days is refused by the client with an
    /// <see cref="ArgumentOutOfRangeException"/>, which <see cref="S3ExceptionHandler"/> answers with 400.
    /// </summary>
    private static async Task<Results<Ok<PresignedUrl>, ValidationProblem>> PresignAsync(
        string key, string? method, int? expiresInSeconds, string? contentType, IS3Client s3, IOptions<SampleOptions> sample,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var httpMethod = ParseMethod(method ?? "GET");
        if (httpMethod is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["method"] = ["Use GET or PUT."] });
        }

        var expiresIn = TimeSpan.FromSeconds(expiresInSeconds ?? DefaultExpirySeconds);
        // A signed content type makes S3 refuse an upload of another type through this URL.
        var options = httpMethod == HttpMethod.Put && contentType is not null ? new PresignOptions { ContentType = contentType } : null;
        var url = await s3.GetPresignedUrlAsync(sample.Value.Bucket, key, httpMethod, expiresIn, options, cancellationToken);
        return TypedResults.Ok(new PresignedUrl(url, httpMethod.Method, time.GetUtcNow() + expiresIn));
    }

    private static HttpMethod? ParseMethod(string method) =>
        method.Equals("GET", StringComparison.OrdinalIgnoreCase) ? HttpMethod.Get
        : method.Equals("PUT", StringComparison.OrdinalIgnoreCase) ? HttpMethod.Put
        : null;
}
