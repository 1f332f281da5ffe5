using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace S3Client.Benchmarks.Infrastructure;

/// <summary>
/// The response bodies the loopback endpoint serves and the micro benchmarks parse: a realistic 1000-key
/// ListObjectsV2 page (about 300 KB, as AWS sends it) and a NoSuchKey error document. Generated from a fixed seed, so
/// every run and every process sees the same bytes.
/// </summary>
public static class CannedResponses
{
    public const int ListPageKeys = 1000;

    private static readonly string[] Prefixes = ["logs/app-server", "photos/2026/03", "backups/db/daily", "exports/reports"];

    /// <summary>A ListObjectsV2 page of 1000 keys without <c>EncodingType</c> (the request did not ask for it).</summary>
    public static readonly byte[] ListPage = BuildListPage(urlEncoded: false);

    /// <summary>The same page as answered to <c>encoding-type=url</c>.</summary>
    public static readonly byte[] ListPageUrlEncoded = BuildListPage(urlEncoded: true);

    /// <summary>A typical 404 answer of GetObject.</summary>
    public static readonly byte[] NoSuchKeyError = Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>" +
        "<Key>photos/2026/03/IMG_004711.jpg</Key><RequestId>4442587FB7D0A2F9</RequestId>" +
        "<HostId>eftixk72aD6Ap51TnqcoF8eFidJG9Z/2mkiDFu8yU9AS1ed4OpIszj7UDNEHGran</HostId></Error>");

    /// <summary>The entity tag every object of the loopback endpoint has.</summary>
    public const string ETag = "\"9b2cf535f27731c974343645a3985328\"";

    private static byte[] BuildListPage(bool urlEncoded)
    {
        var random = new Random(20260314);
        var builder = new StringBuilder(320 * ListPageKeys);
        builder.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .Append("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">")
            .Append("<Name>bench</Name><Prefix></Prefix>")
            .Append("<KeyCount>").Append(ListPageKeys).Append("</KeyCount><MaxKeys>1000</MaxKeys>");
        if (urlEncoded)
        {
            builder.Append("<EncodingType>url</EncodingType>");
        }

        builder.Append("<IsTruncated>true</IsTruncated>");
        var modified = new DateTime(2026, 3, 14, 9, 26, 53, DateTimeKind.Utc);
        Span<byte> digest = stackalloc byte[16];
        for (var i = 0; i < ListPageKeys; i++)
        {
            var prefix = Prefixes[i % Prefixes.Length];
            random.NextBytes(digest);
            builder.Append("<Contents><Key>").Append(prefix).Append('/').Append((i * 7919 % 100_000).ToString("D6", CultureInfo.InvariantCulture))
                .Append("/part-").Append(i.ToString("D5", CultureInfo.InvariantCulture)).Append(".json.gz</Key>")
                .Append("<LastModified>").Append(modified.AddSeconds(-random.Next(0, 90 * 86400)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
                .Append("</LastModified><ETag>&quot;").Append(Convert.ToHexStringLower(digest)).Append("&quot;</ETag>")
                .Append("<ChecksumAlgorithm>CRC64NVME</ChecksumAlgorithm><ChecksumType>FULL_OBJECT</ChecksumType>")
                .Append("<Size>").Append(random.NextInt64(0, 5L << 30).ToString(CultureInfo.InvariantCulture)).Append("</Size>")
                .Append("<StorageClass>STANDARD</StorageClass></Contents>");
        }

        var token = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("next-page")));
        builder.Append("<NextContinuationToken>1").Append(token).Append(token).Append("</NextContinuationToken>")
            .Append("<StartAfter></StartAfter></ListBucketResult>");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
