namespace S3Client.Errors.Internal;

/// <summary>
/// The fields of an S3 <c>&lt;Error&gt;</c> document: what the exceptions carry, the endpoint a redirect names, and the
/// canonical request and string to sign that AWS returns with <c>SignatureDoesNotMatch</c>.
/// </summary>
internal sealed record S3ErrorBody(string? Code, string? Message, string? RequestId, string? HostId, string? BucketName, string? Key, string? Region)
{
    /// <summary>The endpoint to use instead (<c>PermanentRedirect</c>, <c>TemporaryRedirect</c>).</summary>
    public string? Endpoint { get; init; }

    /// <summary>The service's canonical request, sent with <c>SignatureDoesNotMatch</c> by AWS.</summary>
    public string? CanonicalRequest { get; init; }

    /// <summary>The service's string to sign, sent with <c>SignatureDoesNotMatch</c> by AWS.</summary>
    public string? StringToSign { get; init; }

    /// <summary>The same as hex bytes (<c>41 57 53 34 ...</c>), which some services send instead.</summary>
    public string? StringToSignBytes { get; init; }
}
