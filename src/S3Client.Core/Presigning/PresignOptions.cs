namespace S3Client;

/// <summary>Optional settings of <see cref="IS3Client.GetPresignedUrlAsync"/>.</summary>
public sealed class PresignOptions
{
    /// <summary>A specific version (GET, HEAD, DELETE).</summary>
    public string? VersionId { get; set; }

    /// <summary>
    /// For PUT: the <c>Content-Type</c> the uploader must send; it is signed, so another type is refused.
    /// </summary>
    public string? ContentType { get; set; }

    /// <summary>For GET: the <c>Content-Type</c> the service answers with (<c>response-content-type</c>).</summary>
    public string? ResponseContentType { get; set; }

    /// <summary>For GET: the <c>Content-Disposition</c> the service answers with, such as <c>attachment; filename="a.pdf"</c>.</summary>
    public string? ResponseContentDisposition { get; set; }

    /// <summary>For GET: the <c>Cache-Control</c> the service answers with.</summary>
    public string? ResponseCacheControl { get; set; }

    /// <summary>For GET: the <c>Content-Encoding</c> the service answers with.</summary>
    public string? ResponseContentEncoding { get; set; }

    /// <summary>For GET: the <c>Content-Language</c> the service answers with.</summary>
    public string? ResponseContentLanguage { get; set; }

    /// <summary>For GET: the <c>Expires</c> the service answers with.</summary>
    public DateTimeOffset? ResponseExpires { get; set; }
}
