namespace S3Client.Pipeline.Internal;

/// <summary>
/// A request built by the client, carrying its <see cref="S3RequestContext"/> as a field: the handlers find it without
/// a dictionary in <see cref="HttpRequestMessage.Options"/> being created for every request.
/// </summary>
internal sealed class S3HttpRequestMessage(HttpMethod method, Uri uri, S3RequestContext context) : HttpRequestMessage(method, uri)
{
    public S3RequestContext Context { get; } = context;
}
