namespace S3Client;

/// <summary>How far a transfer is.</summary>
/// <param name="BytesTransferred">Bytes confirmed sent or written so far.</param>
/// <param name="TotalBytes">The object size, when known (not for uploads from streams of unknown length).</param>
public readonly record struct TransferProgress(long BytesTransferred, long? TotalBytes)
{
    /// <summary>The fraction done from 0 to 1, when the total is known.</summary>
    public double? Fraction => TotalBytes is > 0 ? (double)BytesTransferred / TotalBytes.Value : TotalBytes == 0 ? 1 : null;
}
