using System.Text;
using S3Client.Signing.Internal;

namespace S3Client.Copy.Internal;

/// <summary>The <c>x-amz-copy-source</c> value: <c>/bucket/encoded-key</c>, with <c>?versionId=</c> when given.</summary>
internal static class CopySource
{
    public static string Format(string bucket, string key, string? versionId)
    {
        var builder = new StringBuilder(bucket.Length + key.Length * 3 + 2);
        builder.Append('/').Append(bucket).Append('/');
        S3UriEncoding.Append(builder, key, keepSlash: true);
        if (versionId is not null)
        {
            builder.Append("?versionId=");
            S3UriEncoding.Append(builder, versionId, keepSlash: false);
        }

        return builder.ToString();
    }
}
