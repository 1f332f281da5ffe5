using System.Buffers;
using System.Globalization;
using System.Text;

namespace S3Client.Benchmarks.Infrastructure;

/// <summary>
/// The physical limit of a .NET client: a bare <see cref="HttpClient"/> on the same socket handler settings as our
/// client, sending the same requests with a precomputed <c>Authorization</c> header (computed once, never per request),
/// no validation, no handlers, no hashing of bodies.
/// </summary>
public sealed class RawS3Client : IDisposable
{
    private const string AmzDate = "20260314T092653Z";
    private const string Authorization =
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260314/us-east-1/s3/aws4_request, " +
        "SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41";

    private const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    private const string EmptyPayload = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private readonly HttpClient _http;
    private readonly string _endpoint;

    public RawS3Client(Uri endpoint)
    {
        _endpoint = endpoint.ToString().TrimEnd('/');
        _http = new HttpClient(S3ClientPipeline.CreatePrimaryHandler(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public Uri ObjectUri(string key, string? query = null) =>
        new(string.Concat(_endpoint, "/", BenchmarkEndpoint.Bucket, "/", key, query is null ? string.Empty : "?", query));

    public void Dispose() => _http.Dispose();

    /// <summary>PUT of a buffer whose SHA-256 the caller precomputed (as a signing client would send it).</summary>
    public async Task PutAsync(Uri uri, ReadOnlyMemory<byte> body, string payloadHash, CancellationToken cancellationToken = default)
    {
        using var request = Create(HttpMethod.Put, uri, payloadHash);
        request.Content = new ReadOnlyMemoryContent(body);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A single streamed PUT of <paramref name="length"/> bytes from a (possibly non-seekable) stream.</summary>
    public async Task PutStreamAsync(Uri uri, Stream body, long length, CancellationToken cancellationToken = default)
    {
        using var request = Create(HttpMethod.Put, uri, UnsignedPayload);
        request.Content = new StreamContent(body, 81920);
        request.Content.Headers.ContentLength = length;
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>GET; the body is copied to <paramref name="destination"/>.</summary>
    public async Task<long> GetAsync(Uri uri, Stream destination, string? range = null, CancellationToken cancellationToken = default)
    {
        using var request = Create(HttpMethod.Get, uri, EmptyPayload);
        if (range is not null)
        {
            request.Headers.TryAddWithoutValidation("Range", range);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            await body.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        }

        return response.Content.Headers.ContentLength ?? -1;
    }

    /// <summary>HEAD; returns the Content-Length.</summary>
    public async Task<long> HeadAsync(Uri uri, CancellationToken cancellationToken = default)
    {
        using var request = Create(HttpMethod.Head, uri, EmptyPayload);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return response.Content.Headers.ContentLength ?? -1;
    }

    /// <summary>GET of a ListObjectsV2 page, read into a pooled buffer and discarded (no parsing: the transport cost alone).</summary>
    public async Task<int> ListBytesAsync(Uri uri, CancellationToken cancellationToken = default)
    {
        using var request = Create(HttpMethod.Get, uri, EmptyPayload);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                var total = 0;
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                return total;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>
    /// The same requests as a multipart upload of our client (create, parts in parallel from pooled buffers, complete),
    /// with no validation, retries or hashing: the floor for uploading a stream of unknown length.
    /// </summary>
    public async Task UploadMultipartAsync(string key, Stream content, int partSize, int concurrency, CancellationToken cancellationToken = default)
    {
        var uploadId = await CreateMultipartAsync(key, cancellationToken).ConfigureAwait(false);
        var etags = new List<string>();
        var running = new List<Task<string>>();
        using var slots = new SemaphoreSlim(concurrency);
        for (var partNumber = 1; ; partNumber++)
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            var buffer = ArrayPool<byte>.Shared.Rent(partSize);
            var filled = await content.ReadAtLeastAsync(buffer.AsMemory(0, partSize), partSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (filled == 0 && partNumber > 1)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                slots.Release();
                break;
            }

            running.Add(SendPartAsync(key, uploadId, partNumber, buffer, filled, slots, cancellationToken));
            if (filled < partSize)
            {
                break;
            }
        }

        etags.AddRange(await Task.WhenAll(running).ConfigureAwait(false));
        var xml = new StringBuilder("<CompleteMultipartUpload>");
        for (var i = 0; i < etags.Count; i++)
        {
            xml.Append("<Part><PartNumber>").Append(i + 1).Append("</PartNumber><ETag>").Append(etags[i]).Append("</ETag></Part>");
        }

        xml.Append("</CompleteMultipartUpload>");
        using var complete = Create(HttpMethod.Post, ObjectUri(key, "uploadId=" + uploadId), UnsignedPayload);
        complete.Content = new StringContent(xml.ToString(), Encoding.UTF8, "application/xml");
        using var response = await _http.SendAsync(complete, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    private async Task<string> CreateMultipartAsync(string key, CancellationToken cancellationToken)
    {
        using var request = Create(HttpMethod.Post, ObjectUri(key, "uploads="), EmptyPayload);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var xml = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var start = xml.IndexOf("<UploadId>", StringComparison.Ordinal) + "<UploadId>".Length;
        return xml[start..xml.IndexOf("</UploadId>", start, StringComparison.Ordinal)];
    }

    private async Task<string> SendPartAsync(
        string key, string uploadId, int partNumber, byte[] buffer, int length, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Yield();
            var uri = ObjectUri(key, string.Create(CultureInfo.InvariantCulture, $"partNumber={partNumber}&uploadId={uploadId}"));
            using var request = Create(HttpMethod.Put, uri, UnsignedPayload);
            request.Content = new ReadOnlyMemoryContent(buffer.AsMemory(0, length));
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            return response.Headers.ETag?.Tag ?? string.Empty;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            slots.Release();
        }
    }

    private static HttpRequestMessage Create(HttpMethod method, Uri uri, string payloadHash)
    {
        var request = new HttpRequestMessage(method, uri);
        var headers = request.Headers;
        headers.TryAddWithoutValidation("x-amz-date", AmzDate);
        headers.TryAddWithoutValidation("x-amz-content-sha256", payloadHash);
        headers.TryAddWithoutValidation("Authorization", Authorization);
        return request;
    }
}
