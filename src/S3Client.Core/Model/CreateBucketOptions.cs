namespace S3Client;

/// <summary>Optional settings of <see cref="IS3Client.CreateBucketAsync"/>.</summary>
public sealed class CreateBucketOptions
{
    /// <summary>
    /// The region to create the bucket in (the <c>LocationConstraint</c>). When null and the client talks to AWS (no
    /// <see cref="S3ClientOptions.ServiceUrl"/>), the client's region is used, except <c>us-east-1</c>, which takes no
    /// constraint; with a custom <see cref="S3ClientOptions.ServiceUrl"/> no constraint is sent unless set here.
    /// </summary>
    public string? LocationConstraint { get; set; }
}
