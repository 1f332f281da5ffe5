namespace Microsoft.Extensions.DependencyInjection;

internal sealed class S3ClientBuilder(string name, IServiceCollection services, IHttpClientBuilder httpClientBuilder) : IS3ClientBuilder
{
    public string Name { get; } = name;

    public IServiceCollection Services { get; } = services;

    public IHttpClientBuilder HttpClientBuilder { get; } = httpClientBuilder;
}
