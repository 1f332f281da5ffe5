using S3Client.Validation.Internal;

namespace S3Client.Testing.Internal;

/// <summary>
/// The header checks the real client makes while it builds a request (content headers, metadata, tags, encryption,
/// conditions), with the same rules, messages and parameter names, so bad input fails the same way here.
/// </summary>
internal static class ArgumentRules
{
    public static void WriteSettings(S3ObjectWriteOptions options)
    {
        S3Validation.HeaderValue(options.ContentType, "Content-Type", nameof(options.ContentType));
        S3Validation.HeaderValue(options.ContentDisposition, "Content-Disposition", nameof(options.ContentDisposition));
        S3Validation.HeaderValue(options.ContentEncoding, "Content-Encoding", nameof(options.ContentEncoding));
        S3Validation.HeaderValue(options.ContentLanguage, "Content-Language", nameof(options.ContentLanguage));
        S3Validation.HeaderValue(options.CacheControl, "Cache-Control", nameof(options.CacheControl));
        StorageClass(options);
        Metadata(options.Metadata);
        if (options.Tags.Count > 0)
        {
            S3Validation.Tags(options.Tags);
        }

        if (options.ServerSideEncryption is { } sse)
        {
            if (options.CustomerKey is not null)
            {
                throw new ArgumentException("Use either ServerSideEncryption or CustomerKey, not both.", nameof(options));
            }

            Encryption(sse, includeContext: true);
        }
    }

    /// <summary>What a copy without <c>REPLACE</c> sends: only storage class and encryption.</summary>
    public static void CopySettings(CopyObjectOptions options)
    {
        StorageClass(options);
        if (options.ServerSideEncryption is { } sse)
        {
            Encryption(sse, includeContext: false);
        }
    }

    public static void Conditions(S3ReadConditions? conditions, string prefix = "")
    {
        if (conditions is not null)
        {
            S3Validation.HeaderValue(conditions.IfMatch, prefix + "If-Match", nameof(conditions.IfMatch));
            S3Validation.HeaderValue(conditions.IfNoneMatch, prefix + "If-None-Match", nameof(conditions.IfNoneMatch));
        }
    }

    private static void StorageClass(S3ObjectWriteOptions options) =>
        S3Validation.HeaderValue(options.StorageClass, "x-amz-storage-class", nameof(options.StorageClass));

    private static void Metadata(IDictionary<string, string> metadata)
    {
        foreach (var (name, value) in metadata)
        {
            S3Validation.MetadataName(name, nameof(S3ObjectWriteOptions.Metadata));
            S3Validation.HeaderValue(value, "x-amz-meta-" + name, nameof(S3ObjectWriteOptions.Metadata));
        }
    }

    private static void Encryption(S3ServerSideEncryption sse, bool includeContext)
    {
        S3Validation.HeaderValue(sse.Algorithm, "x-amz-server-side-encryption", nameof(S3ObjectWriteOptions.ServerSideEncryption));
        S3Validation.HeaderValue(sse.KmsKeyId, "x-amz-server-side-encryption-aws-kms-key-id", nameof(S3ObjectWriteOptions.ServerSideEncryption));
        if (includeContext)
        {
            S3Validation.HeaderValue(sse.KmsEncryptionContext, "x-amz-server-side-encryption-context", nameof(S3ObjectWriteOptions.ServerSideEncryption));
        }
    }
}
