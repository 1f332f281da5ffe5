using S3Client.FaultInjection;
using S3Client.IntegrationTests.Servers;

namespace S3Client.IntegrationTests.TestSupport;

/// <summary>A client of a real server that sends every request through a fault proxy.</summary>
public static class ProxiedClient
{
    public static S3ServiceClient Create(FaultProxy proxy, S3TestServer server, Action<S3ClientOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var options = Options(proxy, server);
        configure?.Invoke(options);
        return S3ClientPipeline.CreateClient(options, timeProvider: timeProvider, primaryHandler: S3TestServer.LoopbackHandler(proxy.Url.Port));
    }

    // The proxy keeps the Host header, so the signature made for the proxy's address is checked as is by the server.
    private static S3ClientOptions Options(FaultProxy proxy, S3TestServer server) => new()
    {
        ServiceUrl = proxy.Url,
        Region = server.Region,
        AccessKeyId = server.AccessKey,
        SecretAccessKey = server.SecretKey,
        AddressingStyle = S3AddressingStyle.Path,
    };
}
