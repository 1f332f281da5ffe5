using System.Text;

namespace S3Client.Fallback.Internal;

/// <summary>
/// The description stored at the start of a cache file: which object it is (checked on every open, so a file never
/// serves another key) and the headers the object was served with.
/// </summary>
/// <remarks>
/// File layout: 8 bytes magic, 4 bytes header length, the header, the object bytes, then the SHA-256 of everything
/// before it. A file whose length, magic, identity or hash does not check out is corrupted.
/// </remarks>
internal sealed class CacheEntryHeader
{
    public static ReadOnlySpan<byte> Magic => "S3LKG\u0001\r\n"u8;

    public const int PrefixBytes = 12;

    public const int HashBytes = 32;

    public required string Bucket { get; init; }

    public required string Key { get; init; }

    public string? VersionId { get; init; }

    public required ObjectMetadata Metadata { get; init; }

    public long ContentLength => Metadata.ContentLength;

    public byte[] Serialize()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Bucket);
            writer.Write(Key);
            WriteOptional(writer, VersionId);
            WriteOptional(writer, Metadata.ETag);
            writer.Write(Metadata.LastModified?.UtcTicks ?? -1);
            WriteOptional(writer, Metadata.ContentType);
            WriteOptional(writer, Metadata.CacheControl);
            WriteOptional(writer, Metadata.ContentDisposition);
            WriteOptional(writer, Metadata.ContentEncoding);
            WriteOptional(writer, Metadata.StorageClass);
            WriteOptional(writer, Metadata.VersionId);
            writer.Write(Metadata.Metadata.Count);
            foreach (var (name, value) in Metadata.Metadata)
            {
                writer.Write(name);
                writer.Write(value);
            }

            writer.Write(Metadata.ContentLength);
        }

        return buffer.ToArray();
    }

    /// <exception cref="InvalidDataException">The header cannot be read.</exception>
    public static CacheEntryHeader Deserialize(byte[] bytes)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
            var bucket = reader.ReadString();
            var key = reader.ReadString();
            var versionId = ReadOptional(reader);
            var etag = ReadOptional(reader);
            var ticks = reader.ReadInt64();
            var contentType = ReadOptional(reader);
            var cacheControl = ReadOptional(reader);
            var disposition = ReadOptional(reader);
            var encoding = ReadOptional(reader);
            var storageClass = ReadOptional(reader);
            var objectVersion = ReadOptional(reader);
            var count = reader.ReadInt32();
            if (count is < 0 or > 10_000)
            {
                throw new InvalidDataException("The metadata count is out of range.");
            }

            var metadata = new Dictionary<string, string>(count, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < count; i++)
            {
                metadata[reader.ReadString()] = reader.ReadString();
            }

            var length = reader.ReadInt64();
            return new CacheEntryHeader
            {
                Bucket = bucket,
                Key = key,
                VersionId = versionId,
                Metadata = new ObjectMetadata
                {
                    ContentLength = length,
                    ContentType = contentType,
                    ETag = etag,
                    LastModified = ticks < 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero),
                    VersionId = objectVersion,
                    Metadata = metadata,
                    CacheControl = cacheControl,
                    ContentDisposition = disposition,
                    ContentEncoding = encoding,
                    StorageClass = storageClass,
                },
            };
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or FormatException or DecoderFallbackException)
        {
            throw new InvalidDataException("The cache file's header cannot be read.", e);
        }
    }

    public bool Describes(string bucket, string key, string? versionId) =>
        Bucket == bucket && Key == key && VersionId == versionId;

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
