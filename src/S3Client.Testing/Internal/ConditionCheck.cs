namespace S3Client.Testing.Internal;

/// <summary>
/// Evaluates read conditions in the order of RFC 9110, as S3 does: If-Match, else If-Unmodified-Since (412); then
/// If-None-Match, else If-Modified-Since (304 for GET and HEAD, 412 for a copy source). Dates compare to the second,
/// the resolution of HTTP dates.
/// </summary>
internal static class ConditionCheck
{
    public static void ThrowIfFailed(S3ReadConditions? conditions, StoredObject target, FakeRequest request, bool isCopySource = false)
    {
        if (conditions is null)
        {
            return;
        }

        var modified = WholeSeconds(target.LastModified);
        if (conditions.IfMatch is { } ifMatch)
        {
            if (!EntityTags.Matches(ifMatch, target.ETag))
            {
                throw request.PreconditionFailed();
            }
        }
        else if (conditions.IfUnmodifiedSince is { } unmodifiedSince && modified > WholeSeconds(unmodifiedSince))
        {
            throw request.PreconditionFailed();
        }

        var notModified = conditions.IfNoneMatch is { } ifNoneMatch
            ? EntityTags.Matches(ifNoneMatch, target.ETag)
            : conditions.IfModifiedSince is { } modifiedSince && modified <= WholeSeconds(modifiedSince);
        if (notModified)
        {
            throw isCopySource ? request.PreconditionFailed() : request.NotModified();
        }
    }

    public static DateTimeOffset WholeSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
