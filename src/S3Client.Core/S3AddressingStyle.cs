namespace S3Client;

/// <summary>How the bucket name is placed in request URLs.</summary>
public enum S3AddressingStyle
{
    /// <summary>
    /// Virtual-hosted style for DNS-compatible bucket names on AWS endpoints; path style for custom endpoints
    /// (MinIO, Ceph, local servers) and for bucket names that cannot be host names.
    /// </summary>
    Auto = 0,

    /// <summary>Always <c>https://bucket.endpoint/key</c>. Needs wildcard DNS (and certificates) for the endpoint.</summary>
    VirtualHosted = 1,

    /// <summary>Always <c>https://endpoint/bucket/key</c>.</summary>
    Path = 2,
}
