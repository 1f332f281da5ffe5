namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Returned by <c>AddS3Client</c>: the registered client's name and its HTTP pipeline, for further setup.</summary>
public interface IS3ClientBuilder
{
    /// <summary>The client name (empty for the default client).</summary>
    string Name { get; }

    /// <summary>The service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// The named <see cref="System.Net.Http.HttpClient"/> registration behind the client: use it to add handlers
    /// (<c>AddHttpMessageHandler</c>) or replace the socket handler (<c>ConfigurePrimaryHttpMessageHandler</c>).
    /// </summary>
    IHttpClientBuilder HttpClientBuilder { get; }
}
