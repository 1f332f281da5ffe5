using System.Collections.ObjectModel;
using System.Text;

namespace S3Client.Testing.Internal;

/// <summary>What an object is stored with besides its bytes: content headers, user metadata, storage class, SSE-C key.</summary>
internal sealed record StoredWriteSettings
{
    public const string DefaultContentType = "binary/octet-stream";

    // S3's limit on the user metadata of one object: names and values, in UTF-8 bytes.
    private const int MaxMetadataBytes = 2048;

    private static readonly IReadOnlyDictionary<string, string> NoMetadata =
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    public static readonly StoredWriteSettings Default = new();

    public string ContentType { get; init; } = DefaultContentType;

    public string? CacheControl { get; init; }

    public string? ContentDisposition { get; init; }

    public string? ContentEncoding { get; init; }

    public string? ContentLanguage { get; init; }

    public DateTimeOffset? Expires { get; init; }

    public string? StorageClass { get; init; }

    /// <summary>User metadata with lower-case names, as S3 returns them; looked up case-insensitively.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = NoMetadata;

    /// <summary>The MD5 of the SSE-C key the bytes are "encrypted" with: reads must present the same key.</summary>
    public string? CustomerKeyMd5 { get; init; }

    public static StoredWriteSettings From(S3ObjectWriteOptions? options)
    {
        if (options is null)
        {
            return Default;
        }

        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in options.Metadata)
        {
            metadata[name.ToLowerInvariant()] = value;
        }

        return new StoredWriteSettings
        {
            ContentType = options.ContentType ?? DefaultContentType,
            CacheControl = options.CacheControl,
            ContentDisposition = options.ContentDisposition,
            ContentEncoding = options.ContentEncoding,
            ContentLanguage = options.ContentLanguage,
            Expires = options.Expires,
            StorageClass = options.StorageClass,
            Metadata = metadata.Count == 0 ? NoMetadata : metadata.AsReadOnly(),
            CustomerKeyMd5 = options.CustomerKey?.KeyMd5,
        };
    }

    /// <summary>Fails like S3 (400 <c>MetadataTooLarge</c>) when the user metadata exceeds 2 KB.</summary>
    public void CheckMetadataSize(FakeRequest request)
    {
        var bytes = Metadata.Sum(pair => Encoding.UTF8.GetByteCount(pair.Key) + Encoding.UTF8.GetByteCount(pair.Value));
        if (bytes > MaxMetadataBytes)
        {
            throw request.Error(System.Net.HttpStatusCode.BadRequest, "MetadataTooLarge", "Your metadata headers exceed the maximum allowed metadata size");
        }
    }
}
