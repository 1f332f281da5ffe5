using System.Globalization;
using System.Text;

namespace S3Client.Benchmarks.Infrastructure;

/// <summary>
/// The many-small-objects scenario: 10,000 objects of 4 KiB under <c>bulk/</c>, as a local directory to upload and
/// as paged ListObjectsV2 answers (1000 keys a page) that the loopback endpoint serves for downloads. Keys end in
/// <c>-4096</c>, so the endpoint serves each with 4 KiB and its MD5 entity tag.
/// </summary>
public static class BulkTree
{
    public const int Objects = 10_000;
    public const int ObjectSize = 4096;
    public const string Prefix = "bulk/";
    private const int PageSize = 1000;

    public static string Name(int index) => string.Create(CultureInfo.InvariantCulture, $"f{index:D5}-{ObjectSize}");

    /// <summary>Writes the files into <paramref name="directory"/> (created), each 4 KiB of distinct bytes.</summary>
    public static void CreateLocal(string directory)
    {
        Directory.CreateDirectory(directory);
        var data = new byte[ObjectSize];
        for (var i = 0; i < Objects; i++)
        {
            BitConverter.TryWriteBytes(data, i);
            File.WriteAllBytes(Path.Combine(directory, Name(i)), data);
        }
    }

    /// <summary>
    /// One page of the listing: after the index in a ListObjectsV2 continuation token, or after the key of a ListObjects
    /// (V1) marker, as TransferUtility's DownloadDirectory lists; the first page without either.
    /// </summary>
    public static byte[] ListPage(string? continuationToken, string? marker, string etag, string lastModified)
    {
        var start = int.TryParse(continuationToken, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index
            : marker is { Length: > 0 } && int.TryParse(marker.AsSpan(Prefix.Length + 1, 5), NumberStyles.None, CultureInfo.InvariantCulture, out var after) ? after + 1
            : 0;
        var end = Math.Min(Objects, start + PageSize);
        var builder = new StringBuilder(200 * PageSize)
            .Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">")
            .Append("<Name>bench</Name><Prefix>").Append(Prefix).Append("</Prefix><KeyCount>").Append(end - start)
            .Append("</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>").Append(end < Objects ? "true" : "false").Append("</IsTruncated>");
        for (var i = start; i < end; i++)
        {
            builder.Append("<Contents><Key>").Append(Prefix).Append(Name(i)).Append("</Key><LastModified>").Append(lastModified)
                .Append("</LastModified><ETag>").Append(etag.Replace("\"", "&quot;", StringComparison.Ordinal)).Append("</ETag><Size>")
                .Append(ObjectSize).Append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
        }

        if (end < Objects)
        {
            builder.Append("<NextContinuationToken>").Append(end).Append("</NextContinuationToken><NextMarker>").Append(Prefix).Append(Name(end - 1)).Append("</NextMarker>");
        }

        return Encoding.UTF8.GetBytes(builder.Append("</ListBucketResult>").ToString());
    }
}
