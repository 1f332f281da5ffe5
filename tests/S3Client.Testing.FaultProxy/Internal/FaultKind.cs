namespace S3Client.FaultInjection.Internal;

/// <summary>What a <see cref="FaultAction"/> does to an exchange.</summary>
internal enum FaultKind
{
    PassThrough,
    Respond,
    ResetBeforeResponse,
    ResetAfterRequestBytes,
    ResetAfterResponseBytes,
    TruncateResponse,
    StallResponse,
    DelayResponse,
}
