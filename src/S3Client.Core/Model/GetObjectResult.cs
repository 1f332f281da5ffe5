namespace S3Client;

/// <summary>
/// An object being downloaded. Owns the HTTP response: read <see cref="Content"/>, then dispose the result to release
/// the connection. A body shorter than its Content-Length fails with an <see cref="IOException"/>.
/// </summary>
public sealed class GetObjectResult : IDisposable, IAsyncDisposable
{
    /// <summary>Creates a result over a stream (for test fakes and custom clients); the result owns the stream.</summary>
    /// <param name="content">The object bytes.</param>
    /// <param name="metadata">What is known about the object.</param>
    public GetObjectResult(Stream content, ObjectMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(metadata);
        Content = content;
        Properties = metadata;
        ContentLength = metadata.ContentLength;
    }

    /// <summary>The object bytes, streamed from the network.</summary>
    public Stream Content { get; }

    /// <summary>
    /// The number of bytes in <see cref="Content"/> (the range length for a range request), or null when the service
    /// sent no Content-Length (a chunked answer).
    /// </summary>
    public long? ContentLength { get; init; }

    /// <summary>The <c>Content-Type</c>.</summary>
    public string? ContentType => Properties.ContentType;

    /// <summary>The entity tag, with its quotes.</summary>
    public string? ETag => Properties.ETag;

    /// <summary>When the object was last written.</summary>
    public DateTimeOffset? LastModified => Properties.LastModified;

    /// <summary>The version id, when the bucket is versioned.</summary>
    public string? VersionId => Properties.VersionId;

    /// <summary>User metadata (<c>x-amz-meta-*</c>), names without the prefix.</summary>
    public IReadOnlyDictionary<string, string> Metadata => Properties.Metadata;

    /// <summary>The <c>Content-Range</c> of a range request, such as <c>bytes 0-99/1234</c>.</summary>
    public string? ContentRange { get; init; }

    /// <summary>All headers that describe the object.</summary>
    public ObjectMetadata Properties { get; }

    /// <summary>
    /// Where the bytes come from: <c>primary</c>, a fallback endpoint's name, or <c>cache</c> (with the cached copy's
    /// entity tag, last-modified time and age). The same as <see cref="ObjectMetadata.Source"/> of <see cref="Properties"/>.
    /// </summary>
    public S3ReadSource Source => Properties.Source;

    /// <summary>The same answer over another stream (such as one that also writes a cache) from another source.</summary>
    internal GetObjectResult With(Stream content, S3ReadSource source) =>
        new(content, Properties.WithSource(source)) { ContentLength = ContentLength, ContentRange = ContentRange };

    /// <summary>Releases the stream and the connection.</summary>
    public void Dispose() => Content.Dispose();

    /// <summary>Releases the stream and the connection.</summary>
    /// <returns>A task that completes when released.</returns>
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
