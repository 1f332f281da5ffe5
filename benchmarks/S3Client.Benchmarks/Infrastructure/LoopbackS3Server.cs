using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace S3Client.Benchmarks.Infrastructure;

/// <summary>
/// A minimal S3 endpoint on 127.0.0.1 for end-to-end benchmarks. It checks no signature and stores nothing: PUT and
/// UploadPart drain the body and answer an ETag; GET serves as many bytes as the key's trailing number says
/// (<c>obj-1024</c> is 1 KiB) with Range support; HEAD answers the same headers; ListObjectsV2 answers the canned
/// 1000-key page (or, for the <c>bulk/</c> prefix, the pages of <see cref="BulkTree"/>); multipart create, complete and
/// abort answer their canned documents.
/// </summary>
public sealed class LoopbackS3Server : IAsyncDisposable
{
    private const int ServeChunk = 256 * 1024;
    private const long MaxSinglePartSize = 16L * 1024 * 1024;
    private static readonly ConcurrentDictionary<long, string> SinglePartETags = new();
    private static readonly byte[] Pattern = CreatePattern();
    private static readonly string LastModified = new DateTime(2026, 3, 14, 9, 26, 53, DateTimeKind.Utc).ToString("R", CultureInfo.InvariantCulture);

    private static readonly string ListedLastModified = new DateTime(2026, 3, 14, 9, 26, 53, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private readonly WebApplication _app;

    private LoopbackS3Server(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The base URL, such as <c>http://127.0.0.1:40123</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Starts the endpoint on a free port of 127.0.0.1.</summary>
    public static async Task<LoopbackS3Server> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MaxConcurrentConnections = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MinResponseDataRate = null;
        });
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        return new LoopbackS3Server(app, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers["x-amz-request-id"] = "4442587FB7D0A2F9";
        var path = request.Path.Value ?? "/";
        var slash = path.IndexOf('/', 1);
        var hasKey = slash > 0 && slash < path.Length - 1;
        var query = request.Query;

        switch (request.Method)
        {
            case "PUT":
                await DrainAsync(request.BodyReader).ConfigureAwait(false);
                response.Headers.ETag = CannedResponses.ETag;
                response.ContentLength = 0;
                return;

            case "POST" when query.ContainsKey("uploads"):
                await DrainAsync(request.BodyReader).ConfigureAwait(false);
                await WriteXmlAsync(response, Encoding.UTF8.GetBytes(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<InitiateMultipartUploadResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" +
                    "<Bucket>bench</Bucket><Key>upload</Key><UploadId>VXBsb2FkIElEIGZvciBlbHZpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA</UploadId>" +
                    "</InitiateMultipartUploadResult>")).ConfigureAwait(false);
                return;

            case "POST" when query.ContainsKey("uploadId"):
                await DrainAsync(request.BodyReader).ConfigureAwait(false);
                await WriteXmlAsync(response, Encoding.UTF8.GetBytes(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CompleteMultipartUploadResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" +
                    "<Location>http://127.0.0.1/bench/upload</Location><Bucket>bench</Bucket><Key>upload</Key>" +
                    "<ETag>\"3858f62230ac3c915f300c664312c11f-9\"</ETag></CompleteMultipartUploadResult>")).ConfigureAwait(false);
                return;

            case "DELETE":
                await DrainAsync(request.BodyReader).ConfigureAwait(false);
                response.StatusCode = StatusCodes.Status204NoContent;
                return;

            case "GET" when !hasKey && query["prefix"].ToString().StartsWith(BulkTree.Prefix.TrimEnd('/'), StringComparison.Ordinal):
                await WriteXmlAsync(response, BulkTree.ListPage(query["continuation-token"], query["marker"], ETagOf(BulkTree.ObjectSize), ListedLastModified)).ConfigureAwait(false);
                return;

            case "GET" when !hasKey && query.ContainsKey("list-type"):
                await WriteXmlAsync(response, query.ContainsKey("encoding-type") ? CannedResponses.ListPageUrlEncoded : CannedResponses.ListPage).ConfigureAwait(false);
                return;

            case "GET" or "HEAD" when hasKey && SizeOf(path) is { } size:
                await ServeObjectAsync(request, response, size).ConfigureAwait(false);
                return;

            default:
                response.StatusCode = StatusCodes.Status404NotFound;
                if (request.Method != "HEAD")
                {
                    await WriteXmlAsync(response, CannedResponses.NoSuchKeyError).ConfigureAwait(false);
                }

                return;
        }
    }

    private static async Task ServeObjectAsync(HttpRequest request, HttpResponse response, long size)
    {
        long first = 0, last = size - 1;
        if (request.Headers.Range is { Count: > 0 } range && TryParseRange(range.ToString(), size, out first, out last))
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = $"bytes {first}-{last}/{size}";
        }

        var length = last - first + 1;
        response.ContentLength = length;
        response.ContentType = "application/octet-stream";
        response.Headers.ETag = ETagOf(size);
        response.Headers.LastModified = LastModified;
        response.Headers.AcceptRanges = "bytes";
        if (request.Method == "HEAD")
        {
            return;
        }

        var writer = response.BodyWriter;
        var offset = first;
        while (offset <= last)
        {
            var start = (int)(offset % Pattern.Length);
            var count = (int)Math.Min(Math.Min(ServeChunk, Pattern.Length - start), last - offset + 1);
            var result = await writer.WriteAsync(Pattern.AsMemory(start, count)).ConfigureAwait(false);
            if (result.IsCanceled || result.IsCompleted)
            {
                return;
            }

            offset += count;
        }
    }

    // Like S3: the MD5 of the content for an object small enough to have been stored with one PUT (AWSSDK.S3 checks it
    // against the body of a whole-object GET), a multipart entity tag (which no client can check) for larger ones.
    private static string ETagOf(long size)
    {
        if (size > MaxSinglePartSize)
        {
            return $"\"{Convert.ToHexStringLower(MD5.HashData(BitConverter.GetBytes(size)))}-{(size + MaxSinglePartSize - 1) / MaxSinglePartSize}\"";
        }

        return SinglePartETags.GetOrAdd(size, static length =>
        {
            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            for (long offset = 0; offset < length;)
            {
                var count = (int)Math.Min(Pattern.Length, length - offset);
                md5.AppendData(Pattern, 0, count);
                offset += count;
            }

            return $"\"{Convert.ToHexStringLower(md5.GetHashAndReset())}\"";
        });
    }

    private static async Task DrainAsync(PipeReader reader)
    {
        while (true)
        {
            var result = await reader.ReadAsync().ConfigureAwait(false);
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted || result.IsCanceled)
            {
                return;
            }
        }
    }

    private static async Task WriteXmlAsync(HttpResponse response, byte[] body)
    {
        response.ContentType = "application/xml";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body).ConfigureAwait(false);
    }

    // "obj-1024" and "dir/obj-1073741824" are objects of 1024 and 1073741824 bytes.
    private static long? SizeOf(string path)
    {
        var dash = path.LastIndexOf('-');
        return dash >= 0 && long.TryParse(path.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : null;
    }

    private static bool TryParseRange(string header, long size, out long first, out long last)
    {
        first = 0;
        last = size - 1;
        if (!header.StartsWith("bytes=", StringComparison.Ordinal) || header.Contains(',', StringComparison.Ordinal))
        {
            return false;
        }

        var spec = header.AsSpan(6);
        var dash = spec.IndexOf('-');
        if (dash < 0)
        {
            return false;
        }

        if (dash == 0)
        {
            var suffix = long.Parse(spec[1..], CultureInfo.InvariantCulture);
            first = Math.Max(0, size - suffix);
            return true;
        }

        first = long.Parse(spec[..dash], CultureInfo.InvariantCulture);
        if (dash < spec.Length - 1)
        {
            last = Math.Min(size - 1, long.Parse(spec[(dash + 1)..], CultureInfo.InvariantCulture));
        }

        return first <= last;
    }

    private static byte[] CreatePattern()
    {
        var pattern = GC.AllocateUninitializedArray<byte>(1024 * 1024);
        new Random(7).NextBytes(pattern);
        return pattern;
    }
}
