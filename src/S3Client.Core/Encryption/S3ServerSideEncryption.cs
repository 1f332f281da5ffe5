namespace S3Client;

/// <summary>Server-side encryption with keys the service manages: SSE-S3 (<c>AES256</c>) or SSE-KMS (<c>aws:kms</c>).</summary>
public sealed class S3ServerSideEncryption
{
    private S3ServerSideEncryption(string algorithm, string? kmsKeyId, string? kmsContext)
    {
        Algorithm = algorithm;
        KmsKeyId = kmsKeyId;
        KmsEncryptionContext = kmsContext;
    }

    /// <summary>The <c>x-amz-server-side-encryption</c> value.</summary>
    public string Algorithm { get; }

    /// <summary>The KMS key id or ARN, or null for the account's default key.</summary>
    public string? KmsKeyId { get; }

    /// <summary>The base64 JSON encryption context of SSE-KMS, or null.</summary>
    public string? KmsEncryptionContext { get; }

    /// <summary>SSE-S3: keys managed by S3 (<c>AES256</c>).</summary>
    /// <returns>The setting.</returns>
    public static S3ServerSideEncryption S3Managed() => new("AES256", null, null);

    /// <summary>SSE-KMS with the given key, or the account's default key.</summary>
    /// <param name="keyId">The KMS key id or ARN.</param>
    /// <param name="encryptionContext">A base64-encoded JSON encryption context.</param>
    /// <returns>The setting.</returns>
    public static S3ServerSideEncryption Kms(string? keyId = null, string? encryptionContext = null) => new("aws:kms", keyId, encryptionContext);

    /// <inheritdoc />
    public override string ToString() => KmsKeyId is null ? Algorithm : $"{Algorithm} ({KmsKeyId})";
}
