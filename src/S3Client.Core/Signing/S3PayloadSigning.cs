namespace S3Client;

/// <summary>How request bodies are covered by the SigV4 signature (the <c>x-amz-content-sha256</c> header).</summary>
public enum S3PayloadSigning
{
    /// <summary>
    /// Over plain HTTP, sign the SHA-256 of buffered and seekable bodies (a seekable stream is read once more to hash
    /// it) and send non-seekable bodies as <c>UNSIGNED-PAYLOAD</c>; over HTTPS, where TLS protects the body, send every
    /// body as <c>UNSIGNED-PAYLOAD</c>.
    /// </summary>
    Auto = 0,

    /// <summary>Always send <c>UNSIGNED-PAYLOAD</c>: no extra read of the body; rely on TLS and checksums for integrity.</summary>
    UnsignedPayload = 1,
}
