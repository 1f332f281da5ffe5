using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace S3Client.FaultInjection.Tests.TestSupport;

/// <summary>Clients for the tests: a plain HttpClient, a raw socket for byte-exact checks, and test bodies.</summary>
public static class TestHttp
{
    /// <summary>An HttpClient that talks to 127.0.0.1 directly (no system proxy) and gives up after 30 s rather than hang a run.</summary>
    public static HttpClient CreateClient() =>
        new(new SocketsHttpHandler { UseProxy = false, Expect100ContinueTimeout = TimeSpan.FromSeconds(60) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>Sends <paramref name="request"/> as raw bytes, in pieces of <paramref name="pieceSize"/>, and reads the answer until the proxy closes.</summary>
    public static async Task<string> RawExchangeAsync(Uri url, string request, int pieceSize = int.MaxValue)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, url.Port));
        var bytes = Encoding.Latin1.GetBytes(request);
        for (var offset = 0; offset < bytes.Length; offset += pieceSize)
        {
            await socket.SendAsync(bytes.AsMemory(offset, Math.Min(pieceSize, bytes.Length - offset)));
        }

        using var stream = new NetworkStream(socket);
        using var answer = new MemoryStream();
        await stream.CopyToAsync(answer).WaitAsync(TimeSpan.FromSeconds(30));
        return Encoding.Latin1.GetString(answer.ToArray());
    }

    /// <summary>Reproducible bytes that differ per seed.</summary>
    public static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Reads a response body chunk by chunk into <paramref name="received"/>, so that what arrived before a failure stays visible.</summary>
    public static async Task ReadAllAsync(Stream body, MemoryStream received)
    {
        var buffer = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            received.Write(buffer, 0, read);
        }
    }
}
