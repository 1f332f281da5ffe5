namespace S3Client.Bulk.Internal;

/// <summary>Checks <see cref="BulkOptions"/> before anything is read or sent.</summary>
internal static class BulkOptionsValidator
{
    public static void Validate(BulkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");
        if (options.MaxConcurrency is < 1 or > 1024)
        {
            throw new ArgumentOutOfRangeException("options.MaxConcurrency", options.MaxConcurrency, "MaxConcurrency must be 1 to 1024.");
        }

        if (options.MaxItemAttempts is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException("options.MaxItemAttempts", options.MaxItemAttempts, "MaxItemAttempts must be 1 to 100.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentOutOfRangeException("options.RetryBaseDelay", options.RetryBaseDelay, "RetryBaseDelay must be 0 to 10 minutes.");
        }

        if (options.MaxFailures is < 1)
        {
            throw new ArgumentOutOfRangeException("options.MaxFailures", options.MaxFailures, "MaxFailures must be at least 1 (1 stops on the first failure), or null for no limit.");
        }

        if (options.MaxReportedFailures < 0)
        {
            throw new ArgumentOutOfRangeException("options.MaxReportedFailures", options.MaxReportedFailures, "MaxReportedFailures must not be negative.");
        }

        options.Transfer?.Validate();
    }
}
