namespace S3Client.Fallback.Internal;

/// <summary>
/// No endpoint could serve a read: carries the primary's exception (the one the caller gets) and whether every
/// endpoint failed in a way the cache may cover.
/// </summary>
internal sealed class FallbackExhaustedException(Exception primary, bool allTransient) : Exception(primary.Message, primary)
{
    public Exception Primary { get; } = primary;

    public bool AllTransient { get; } = allTransient;

    public void ThrowPrimary() => System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(Primary);
}
