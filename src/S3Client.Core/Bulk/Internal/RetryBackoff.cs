namespace S3Client.Bulk.Internal;

/// <summary>The wait before an item is tried again: the base delay doubled per attempt, plus up to half of it again at random so items do not retry in step.</summary>
internal static class RetryBackoff
{
    public static Task DelayAsync(BulkOptions options, int attempt, CancellationToken cancellationToken)
    {
        var delay = options.RetryBaseDelay * Math.Pow(2, Math.Min(attempt - 1, 16));
        return Task.Delay(delay + (delay * (Random.Shared.NextDouble() / 2)), options.TimeProvider, cancellationToken);
    }
}
