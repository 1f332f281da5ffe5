namespace S3Client.Samples.Cli;

/// <summary>A bucket and an optional key or prefix, written <c>s3://bucket/key</c> (or <c>bucket/key</c> where no local path is possible).</summary>
/// <param name="Bucket">The bucket name.</param>
/// <param name="Key">The key or prefix; empty for the whole bucket.</param>
internal readonly record struct S3Location(string Bucket, string Key)
{
    public const string Scheme = "s3://";

    public static bool IsS3(string text) => text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses <c>s3://bucket/key</c>; the scheme is optional unless <paramref name="requireScheme"/>.</summary>
    /// <exception cref="UsageException">There is no bucket name, or the scheme is missing where required.</exception>
    public static S3Location Parse(string text, bool requireScheme = false)
    {
        var rest = IsS3(text) ? text[Scheme.Length..]
            : requireScheme ? throw new UsageException($"'{text}' is not an S3 location; write s3://bucket/key.")
            : text;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var location = slash < 0 ? new S3Location(rest, string.Empty) : new S3Location(rest[..slash], rest[(slash + 1)..]);
        return location.Bucket.Length > 0 ? location : throw new UsageException($"'{text}' names no bucket; write s3://bucket/key.");
    }

    /// <summary>This location, which must name an object (not only a bucket).</summary>
    /// <exception cref="UsageException">The key is empty.</exception>
    public S3Location RequireKey() =>
        Key.Length > 0 ? this : throw new UsageException($"'{this}' names no object; write s3://{Bucket}/key.");

    /// <summary>This location, which must name only a bucket.</summary>
    /// <exception cref="UsageException">A key was given.</exception>
    public S3Location RequireBucketOnly() =>
        Key.Length == 0 ? this : throw new UsageException($"'{this}' has a key; this command takes a bucket: s3://{Bucket}.");

    public override string ToString() => Key.Length == 0 ? $"{Scheme}{Bucket}" : $"{Scheme}{Bucket}/{Key}";
}
