namespace S3Client.Testing.Internal;

/// <summary>An uploaded part of a multipart upload.</summary>
internal sealed record StoredPart(int PartNumber, byte[] Content, byte[] Md5, string ETag, DateTimeOffset LastModified)
{
    public S3PartInfo ToInfo() => new(PartNumber, ETag, Content.Length, LastModified);
}
