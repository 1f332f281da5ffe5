using S3Client.IntegrationTests.Servers;

namespace S3Client.IntegrationTests.TestSupport;

/// <summary>A fresh bucket for one test; deletes what the test wrote, then the bucket.</summary>
public sealed class TestBucket : IAsyncDisposable
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    private TestBucket(S3TestServer server, S3ServiceClient client, string name)
    {
        Server = server;
        Client = client;
        Name = name;
    }

    public S3TestServer Server { get; }

    public S3ServiceClient Client { get; }

    public string Name { get; }

    public static async Task<TestBucket> CreateAsync(string serverName, Action<S3ClientOptions>? configure = null)
    {
        var server = S3TestServers.Get(serverName);
        var client = server.CreateClient(configure);
        var name = $"it-{Guid.NewGuid():N}"[..30];
        await client.CreateBucketAsync(name);
        return new TestBucket(server, client, name);
    }

    /// <summary>Remembers <paramref name="key"/> for clean-up.</summary>
    public string Track(string key)
    {
        _keys.Add(key);
        return key;
    }

    public async Task<PutObjectResult> PutAsync(string key, Stream content, PutObjectOptions? options = null) =>
        await Client.PutObjectAsync(Name, Track(key), content, options);

    public async ValueTask DisposeAsync()
    {
        foreach (var key in _keys)
        {
            await Client.DeleteObjectAsync(Name, key);
        }

        await Client.DeleteBucketAsync(Name);
        Client.Dispose();
    }
}
