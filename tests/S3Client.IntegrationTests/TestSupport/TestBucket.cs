using S3Client.IntegrationTests.Servers;

namespace S3Client.IntegrationTests.TestSupport;

/// <summary>A fresh bucket for one test; deletes what the test wrote, then the bucket.</summary>
public sealed class TestBucket : IAsyncDisposable
{
    private TestBucket(S3TestServer server, IS3Client client, string name)
    {
        Server = server;
        Client = client;
        Name = name;
    }

    public S3TestServer Server { get; }

    public IS3Client Client { get; }

    public string Name { get; }

    public static async Task<TestBucket> CreateAsync(string serverName, Action<S3ClientOptions>? configure = null)
    {
        var server = S3TestServers.Get(serverName);
        var client = configure is null ? server.Connect() : server.CreateClient(configure);
        var name = $"it-{Guid.NewGuid():N}"[..30];
        await client.CreateBucketAsync(name);
        return new TestBucket(server, client, name);
    }

    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    /// <summary>
    /// Remembers a key the test writes. Clean-up also lists the bucket, but a server that mangles keys in listings
    /// (s3rver escapes '&amp;' twice) would leave such a key behind.
    /// </summary>
    public string Track(string key)
    {
        lock (_keys)
        {
            _keys.Add(key);
        }

        return key;
    }

    public async Task<PutObjectResult> PutAsync(string key, Stream content, PutObjectOptions? options = null) =>
        await Client.PutObjectAsync(Name, Track(key), content, options);

    /// <summary>Removes every upload in progress, version, delete marker and object, then the bucket.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Server.Supports(S3Feature.MultipartAbortAndListing))
        {
            await foreach (var upload in Client.ListMultipartUploadsAsync(Name))
            {
                await Client.AbortMultipartUploadAsync(Name, upload.Key, upload.UploadId);
            }
        }

        if (!Server.Supports(S3Feature.ListEncodingTypeUrl))
        {
            foreach (var key in _keys)
            {
                await Client.DeleteObjectAsync(Name, key);
            }
        }

        var versioned = Server.Supports(S3Feature.Versioning) && await Client.GetBucketVersioningAsync(Name) != S3VersioningStatus.Off;
        var leftovers = versioned
            ? await Client.ListObjectVersionsAsync(Name).Select(v => new S3ObjectIdentifier(v.Key, v.VersionId)).ToListAsync()
            : await Client.ListObjectsAsync(Name).Select(o => new S3ObjectIdentifier(o.Key)).ToListAsync();
        if (leftovers.Count > 0)
        {
            var result = await Client.DeleteObjectsAsync(Name, leftovers);
            result.Errors.Should().BeEmpty("the test bucket must be emptied");
        }

        await Client.DeleteBucketAsync(Name);
        (Client as IDisposable)?.Dispose();
    }
}
