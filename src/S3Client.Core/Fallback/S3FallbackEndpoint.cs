namespace S3Client;

/// <summary>
/// A replica that serves reads when the primary cannot: its own URL, region, addressing style and (optionally)
/// credentials; every other setting (retries, timeouts, circuit breaker, ...) is the client's.
/// </summary>
public sealed class S3FallbackEndpoint
{
    /// <summary>
    /// The name reported as the source of reads it serves (<see cref="S3ReadSource.Name"/>), in logs and metrics, such
    /// as <c>replica</c> or <c>eu-west-1</c>. Unique; not <c>primary</c> or <c>cache</c>.
    /// </summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The replica's service endpoint; null means AWS S3 in <see cref="Region"/>.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>The signing region of the replica; the client's when null.</summary>
    public string? Region { get; set; }

    /// <summary>Where the bucket name goes in the replica's URLs; the client's when null.</summary>
    public S3AddressingStyle? AddressingStyle { get; set; }

    /// <summary>The replica's access key id; the client's credentials when null.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>The replica's secret access key (with <see cref="AccessKeyId"/>). Never logged.</summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>The replica's session token (with <see cref="AccessKeyId"/>). Never logged.</summary>
    public string? SessionToken { get; set; }

    /// <summary>Returns the name, URL and region; never the credentials.</summary>
    /// <returns>A description of the endpoint.</returns>
    public override string ToString() =>
        $"S3FallbackEndpoint {{ Name = {Name}, ServiceUrl = {ServiceUrl?.ToString() ?? "(AWS)"}, Region = {Region ?? "(client's)"} }}";
}
