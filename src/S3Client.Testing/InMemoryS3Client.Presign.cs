using System.Globalization;
using System.Text;
using S3Client.Presigning.Internal;
using S3Client.Signing.Internal;

namespace S3Client.Testing;

/// <content>Presigned URLs (fake ones).</content>
public sealed partial class InMemoryS3Client
{
    // A reserved top-level domain (RFC 2606): the URLs never resolve, so no test can depend on fetching them.
    private static readonly Uri BaseUrl = new("https://in-memory-s3.invalid/");

    /// <inheritdoc />
    /// <remarks>
    /// Validates like the real client, then returns a deterministic URL that cannot be fetched (its host is on the
    /// reserved <c>.invalid</c> domain and it carries no signature):
    /// <c>https://in-memory-s3.invalid/{bucket}/{key}?{overrides}&amp;X-Amz-Date={now}&amp;X-Amz-Expires={seconds}&amp;X-InMemory-Method={method}</c>.
    /// Assert on it or hand it on; the bucket and key need not exist.
    /// </remarks>
    public Task<Uri> GetPresignedUrlAsync(
        string bucket, string key, HttpMethod method, TimeSpan expiresIn, PresignOptions? options = null, CancellationToken cancellationToken = default)
    {
        List<KeyValuePair<string, string?>> query = [];
        return Call(
            () => query = PresignArguments.Validate(bucket, key, method, expiresIn, options).Query,
            () =>
            {
                Add(query, "X-Amz-Date", _timeProvider.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
                Add(query, "X-Amz-Expires", ((long)expiresIn.TotalSeconds).ToString(CultureInfo.InvariantCulture));
                Add(query, "X-InMemory-Method", method.Method);
                var url = new StringBuilder(ObjectUrl(bucket, key).ToString());
                for (var i = 0; i < query.Count; i++)
                {
                    url.Append(i == 0 ? '?' : '&').Append(query[i].Key).Append('=').Append(S3UriEncoding.EncodeQueryComponent(query[i].Value!));
                }

                return new Uri(url.ToString());
            },
            cancellationToken);
    }

    /// <summary>The path-style URL of an object on the fake endpoint.</summary>
    private static Uri ObjectUrl(string bucket, string key) => new(BaseUrl, bucket + "/" + S3UriEncoding.EncodePath(key));

    private static void Add(List<KeyValuePair<string, string?>> query, string name, string value) => query.Add(new(name, value));
}
