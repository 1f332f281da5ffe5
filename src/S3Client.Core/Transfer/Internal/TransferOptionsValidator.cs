namespace S3Client.Transfer.Internal;

/// <summary>Checks transfer settings against S3's limits before any request.</summary>
internal static class TransferOptionsValidator
{
    public static void Validate(TransferOptions options, string paramName = "options")
    {
        if (options.PartSize is < TransferOptions.MinPartSize or > TransferOptions.MaxPartSize)
        {
            throw new ArgumentOutOfRangeException(paramName, options.PartSize, "TransferOptions.PartSize must be from 5 MiB (5242880) to 1 GiB (1073741824).");
        }

        if (options.MultipartThreshold is < 0 or > 5L * 1024 * 1024 * 1024)
        {
            throw new ArgumentOutOfRangeException(paramName, options.MultipartThreshold, "TransferOptions.MultipartThreshold must be from 0 to 5 GiB (the largest single PUT).");
        }

        if (options.MaxConcurrency is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(paramName, options.MaxConcurrency, "TransferOptions.MaxConcurrency must be from 1 to 64.");
        }

        if (options.MaxPartAttempts is < 1 or > 10)
        {
            throw new ArgumentOutOfRangeException(paramName, options.MaxPartAttempts, "TransferOptions.MaxPartAttempts must be from 1 to 10.");
        }

        if (!Enum.IsDefined(options.ChecksumAlgorithm))
        {
            throw new ArgumentOutOfRangeException(paramName, options.ChecksumAlgorithm, "TransferOptions.ChecksumAlgorithm is not a known algorithm.");
        }
    }
}
