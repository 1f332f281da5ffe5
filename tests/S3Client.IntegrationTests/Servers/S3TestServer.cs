using System.Net.Sockets;

namespace S3Client.IntegrationTests.Servers;

/// <summary>A real S3 server on 127.0.0.1, as started by eng/s3servers, with the features it lacks declared.</summary>
public sealed record S3TestServer(string Name, Uri Url, string AccessKey, string SecretKey, string Region, S3Feature Lacks)
{
    /// <summary>An endpoint of the same server that issues temporary credentials (STS), when it has one.</summary>
    public Uri? StsUrl { get; init; }

    private static readonly S3Client.Testing.InMemoryS3Client Fake = new();

    public bool Supports(S3Feature feature) => (Lacks & feature) == 0;

    /// <summary>The client the conformance cases use: the in-memory fake, or an HTTP client of the real server.</summary>
    public IS3Client Connect() => Name == "fake" ? Fake : CreateClient();

    /// <summary>A client with the full pipeline; <paramref name="configure"/> may change any option.</summary>
    public S3ServiceClient CreateClient(Action<S3ClientOptions>? configure = null) =>
        S3ClientPipeline.CreateClient(Options(configure), primaryHandler: LoopbackHandler(Url.Port));

    /// <summary>A client whose requests pass <paramref name="faults"/> after signing, just before the socket.</summary>
    public S3ServiceClient CreateClient(TestSupport.FaultInjector faults, Action<S3ClientOptions>? configure = null)
    {
        faults.InnerHandler = LoopbackHandler(Url.Port);
        return S3ClientPipeline.CreateClient(Options(configure), primaryHandler: faults);
    }

    private S3ClientOptions Options(Action<S3ClientOptions>? configure)
    {
        if (Name == "fake")
        {
            throw new InvalidOperationException("The in-memory fake has no HTTP endpoint; this test needs S3Feature.Http.");
        }

        var options = new S3ClientOptions
        {
            ServiceUrl = Url,
            Region = Region,
            AccessKeyId = AccessKey,
            SecretAccessKey = SecretKey,
            AddressingStyle = S3AddressingStyle.Path,
        };
        configure?.Invoke(options);
        return options;
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
