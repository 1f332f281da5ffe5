namespace S3Client;

/// <summary>
/// How <see cref="S3TransferManager"/> moves an object: a single PUT below <see cref="MultipartThreshold"/>, parallel
/// parts above it; and, for uploads, what the object is stored with (the inherited write settings). Defaults come from
/// <see cref="S3ClientOptions.Transfer"/>, which binds from the <c>"S3:Transfer"</c> configuration section.
/// </summary>
public sealed class TransferOptions : S3ObjectWriteOptions
{
    /// <summary>The smallest part S3 accepts (except the last part): 5 MiB.</summary>
    public const long MinPartSize = 5L * 1024 * 1024;

    /// <summary>The largest part this client buffers: 1 GiB (S3 allows 5 GiB; 10,000 parts of 1 GiB exceed S3's 5 TiB object limit).</summary>
    public const long MaxPartSize = 1024L * 1024 * 1024;

    /// <summary>The most parts of one upload: 10,000.</summary>
    public const int MaxParts = 10_000;

    /// <summary>
    /// Objects of at least this many bytes go in parts, smaller ones in one PUT. Default 16 MiB. A stream of unknown
    /// length is read one part (<see cref="PartSize"/>) ahead, not buffered up to this threshold: it goes in one PUT
    /// when it ends within that first part and is shorter than the threshold, and in parts otherwise. With the defaults
    /// a stream of unknown length up to 8 MiB (inclusive) is one PUT, a longer one goes in parts.
    /// </summary>
    public long MultipartThreshold { get; set; } = 16L * 1024 * 1024;

    /// <summary>
    /// The part size, 5 MiB to 1 GiB; raised automatically so a known length never needs more than 10,000 parts, and
    /// doubled every 800 parts for a stream of unknown length. Default 8 MiB.
    /// </summary>
    public long PartSize { get; set; } = 8L * 1024 * 1024;

    /// <summary>Parts in flight at once, 1 to 64; memory use is about <see cref="PartSize"/> times this. Default 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>An additional checksum of each part (and of a single PUT) for the service to verify. Default none.</summary>
    public S3ChecksumAlgorithm ChecksumAlgorithm { get; set; }

    /// <summary>How often a download part that arrives truncated is fetched again before the download fails. Default 3.</summary>
    public int MaxPartAttempts { get; set; } = 3;

    /// <summary>
    /// Keeps the work of a failed file transfer so the same call can resume it: an upload is not aborted (the next
    /// upload of the same file to the same key finds it, checks the uploaded parts against the file and sends only the
    /// rest); a download keeps its verified parts in <c>{path}.s3partial</c>. Default false: a failed upload is aborted
    /// and a partial download deleted.
    /// </summary>
    public bool AllowResume { get; set; }

    /// <summary>Checks the settings against S3's limits.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it and the range.</exception>
    public void Validate() => Transfer.Internal.TransferOptionsValidator.Validate(this, "options");

    /// <summary>A deep copy of these options (its metadata and tags are new dictionaries).</summary>
    /// <returns>The copy.</returns>
    public TransferOptions Clone()
    {
        var copy = new TransferOptions
        {
            MultipartThreshold = MultipartThreshold,
            PartSize = PartSize,
            MaxConcurrency = MaxConcurrency,
            ChecksumAlgorithm = ChecksumAlgorithm,
            MaxPartAttempts = MaxPartAttempts,
            AllowResume = AllowResume,
        };

        // Metadata and Tags are copied, not shared: changing the copy never changes the defaults it came from.
        CopyWriteSettingsTo(copy);
        return copy;
    }
}
