namespace S3Client;

/// <summary>
/// Conditions on the object being read (GET, HEAD) or copied: the call fails with
/// <see cref="S3PreconditionFailedException"/> (412) or <see cref="S3NotModifiedException"/> (304) when they do not hold.
/// </summary>
public abstract class S3ReadConditions
{
    /// <summary>Only if the object's entity tag is this one (412 otherwise).</summary>
    public string? IfMatch { get; set; }

    /// <summary>Only if the object's entity tag is not this one (304 otherwise; 412 for a copy).</summary>
    public string? IfNoneMatch { get; set; }

    /// <summary>Only if the object changed after this time (304 otherwise; 412 for a copy).</summary>
    public DateTimeOffset? IfModifiedSince { get; set; }

    /// <summary>Only if the object did not change after this time (412 otherwise).</summary>
    public DateTimeOffset? IfUnmodifiedSince { get; set; }
}
