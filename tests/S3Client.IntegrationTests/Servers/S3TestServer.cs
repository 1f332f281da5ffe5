using System.Net.Sockets;

namespace S3Client.IntegrationTests.Servers;

/// <summary>A real S3 server on 127.0.0.1, as started by eng/s3servers, with the features it lacks declared.</summary>
public sealed record S3TestServer(string Name, Uri Url, string AccessKey, string SecretKey, string Region, S3Feature Lacks)
{
    /// <summary>An endpoint of the same server that issues temporary credentials (STS), when it has one.</summary>
    public Uri? StsUrl { get; init; }

    public bool Supports(S3Feature feature) => (Lacks & feature) == 0;

    /// <summary>A client with the full pipeline; <paramref name="configure"/> may change any option.</summary>
    public S3ServiceClient CreateClient(Action<S3ClientOptions>? configure = null)
    {
        var options = new S3ClientOptions
        {
            ServiceUrl = Url,
            Region = Region,
            AccessKeyId = AccessKey,
            SecretAccessKey = SecretKey,
            AddressingStyle = S3AddressingStyle.Path,
        };
        configure?.Invoke(options);
        return S3ClientPipeline.CreateClient(options, primaryHandler: LoopbackHandler(Url.Port));
    }

    /// <summary>A client whose requests pass <paramref name="faults"/> after signing, just before the socket.</summary>
    public S3ServiceClient CreateClient(TestSupport.FaultInjector faults, Action<S3ClientOptions>? configure = null)
    {
        var options = new S3ClientOptions
        {
            ServiceUrl = Url,
            Region = Region,
            AccessKeyId = AccessKey,
            SecretAccessKey = SecretKey,
            AddressingStyle = S3AddressingStyle.Path,
        };
        configure?.Invoke(options);
        faults.InnerHandler = LoopbackHandler(Url.Port);
        return S3ClientPipeline.CreateClient(options, primaryHandler: faults);
    }

    /// <summary>A socket handler that dials 127.0.0.1:<paramref name="port"/> for any host name, such as bucket.s3.localhost.</summary>
    public static SocketsHttpHandler LoopbackHandler(int port)
    {
        var handler = S3ClientPipeline.CreatePrimaryHandler();
        handler.ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(System.Net.IPAddress.Loopback, port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
        return handler;
    }

    public override string ToString() => Name;
}
