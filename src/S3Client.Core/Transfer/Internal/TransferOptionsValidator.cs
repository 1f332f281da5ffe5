namespace S3Client.Transfer.Internal;

/// <summary>Checks transfer settings against S3's limits: before any request, and at start for configured defaults.</summary>
internal static class TransferOptionsValidator
{
    public static void Validate(TransferOptions options, string paramName = "options")
    {
        if (FirstFailure(options) is { } failure)
        {
            throw new ArgumentOutOfRangeException(paramName, failure.Value, failure.Message);
        }
    }

    /// <summary>The first rule <paramref name="options"/> breaks, with the offending value, or null.</summary>
    public static (object Value, string Message)? FirstFailure(TransferOptions options)
    {
        if (options.PartSize is < TransferOptions.MinPartSize or > TransferOptions.MaxPartSize)
        {
            return (options.PartSize, "TransferOptions.PartSize must be from 5 MiB (5242880) to 1 GiB (1073741824).");
        }

        if (options.MultipartThreshold is < 0 or > 5L * 1024 * 1024 * 1024)
        {
            return (options.MultipartThreshold, "TransferOptions.MultipartThreshold must be from 0 to 5 GiB (the largest single PUT).");
        }

        if (options.MaxConcurrency is < 1 or > 64)
        {
            return (options.MaxConcurrency, "TransferOptions.MaxConcurrency must be from 1 to 64.");
        }

        if (options.MaxPartAttempts is < 1 or > 10)
        {
            return (options.MaxPartAttempts, "TransferOptions.MaxPartAttempts must be from 1 to 10.");
        }

        return Enum.IsDefined(options.ChecksumAlgorithm) ? null : (options.ChecksumAlgorithm, "TransferOptions.ChecksumAlgorithm is not a known algorithm.");
    }
}
