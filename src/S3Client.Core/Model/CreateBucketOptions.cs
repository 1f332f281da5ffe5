namespace S3Client;

/// <summary>Optional settings of <see cref="IS3Client.CreateBucketAsync"/>.</summary>
public sealed class CreateBucketOptions
{
    /// <summary>
    /// The region to create the bucket in (the <c>LocationConstraint</c>). When null, the client's region is used,
    /// except <c>us-east-1</c>, which takes no constraint.
    /// </summary>
    public string? LocationConstraint { get; set; }
}
