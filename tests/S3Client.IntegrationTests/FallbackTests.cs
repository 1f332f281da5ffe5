using System.Diagnostics;
using System.Security.Cryptography;
using S3Client.FaultInjection;
using S3Client.IntegrationTests.Servers;
using S3Client.IntegrationTests.TestSupport;

namespace S3Client.IntegrationTests;

/// <summary>
/// Graceful degradation on two real servers holding the same objects: the primary behind the fault proxy (refusing,
/// resetting or slow), a replica on another server with its own region and credentials, and the last-known-good cache.
/// </summary>
public sealed class FallbackTests : IAsyncLifetime
{
    private static readonly TimeSpan HedgeDelay = TimeSpan.FromMilliseconds(200);
    private readonly byte[] _data = RandomNumberGenerator.GetBytes(300_000);
    private readonly string _bucket = $"fb-{Guid.NewGuid():N}"[..24];
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "s3fallback-" + Guid.NewGuid().ToString("N"));
    private S3TestServer _primary = null!;
    private S3TestServer _replica = null!;
    private FaultProxy _primaryProxy = null!;
    private FaultProxy _replicaProxy = null!;

    public async Task InitializeAsync()
    {
        var servers = S3TestServers.All.Where(s => s.Supports(S3Feature.Http)).OrderBy(s => s.Supports(S3Feature.CustomerKeyEncryption) ? 0 : 1).Take(2).ToList();
        servers.Should().HaveCount(2, "these tests need two real servers: run them with eng/test.sh");
        (_primary, _replica) = (servers[0], servers[1]);
        _primaryProxy = FaultProxy.Start(_primary.Url);
        _replicaProxy = FaultProxy.Start(_replica.Url);
        foreach (var server in servers)
        {
            using var client = server.CreateClient();
            await client.CreateBucketAsync(_bucket);
            await client.PutObjectAsync(_bucket, "object.bin", new MemoryStream(_data));
        }
    }

    public async Task DisposeAsync()
    {
        await _primaryProxy.DisposeAsync();
        await _replicaProxy.DisposeAsync();
        foreach (var server in new[] { _primary, _replica })
        {
            using var client = server.CreateClient();
            await foreach (var item in client.ListObjectsAsync(_bucket))
            {
                await client.DeleteObjectAsync(_bucket, item.Key);
            }

            await client.DeleteBucketAsync(_bucket);
        }

        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    private S3FailoverClient Create(S3FallbackMode mode = S3FallbackMode.Failover, bool cache = false, HttpMessageHandler? primaryHandler = null)
    {
        var options = new S3ClientOptions
        {
            ServiceUrl = _primaryProxy.Url,
            Region = _primary.Region,
            AccessKeyId = _primary.AccessKey,
            SecretAccessKey = _primary.SecretKey,
            AddressingStyle = S3AddressingStyle.Path,
            Fallback = new S3FallbackOptions
            {
                Mode = mode,
                HedgeDelay = HedgeDelay,
                Endpoints =
                {
                    new S3FallbackEndpoint
                    {
                        Name = "replica",
                        ServiceUrl = _replicaProxy.Url,
                        Region = _replica.Region,
                        AccessKeyId = _replica.AccessKey,
                        SecretAccessKey = _replica.SecretKey,
                    },
                },
                Cache = { Directory = cache ? _cache : null },
            },
        };
        options.Retry.MaxRetryAttempts = 1;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(20);
        var handlers = primaryHandler is null ? null : new Dictionary<string, HttpMessageHandler> { ["primary"] = primaryHandler };
        return S3FallbackClientFactory.CreateClient(options, primaryHandlers: handlers);
    }

    private static async Task<byte[]> ReadAsync(IS3Client client, string bucket, string key, GetObjectOptions? options = null)
    {
        await using var result = await client.GetObjectAsync(bucket, key, options);
        using var sink = new MemoryStream();
        await result.Content.CopyToAsync(sink);
        return sink.ToArray();
    }

    [Fact]
    public async Task With_the_primary_down_reads_come_from_the_replica_and_writes_fail_with_the_primarys_error()
    {
        _primaryProxy.Add(new FaultRule(FaultAction.ResetBeforeResponse(forwardRequest: false)) { Times = FaultRule.Unlimited });
        using var client = Create();

        await using var result = await client.GetObjectAsync(_bucket, "object.bin");
        using var sink = new MemoryStream();
        await result.Content.CopyToAsync(sink);
        var head = await client.HeadObjectAsync(_bucket, "object.bin");
        var listed = await client.ListObjectsAsync(_bucket).Select(o => o.Key).ToListAsync();
        var write = () => client.PutObjectAsync(_bucket, "written.bin", new MemoryStream([1, 2, 3]));

        result.Source.ToString().Should().Be("replica");
        sink.ToArray().Should().Equal(_data);
        head.Source.Name.Should().Be("replica");
        listed.Should().Equal("object.bin");
        await write.Should().ThrowAsync<HttpRequestException>("the primary's failure, not a write to the replica");
        _replicaProxy.Requests.Should().NotContain(r => r.Head.Method == "PUT");
    }

    [Fact]
    public async Task A_parallel_download_with_the_primary_down_is_served_by_the_replica_pinned_to_one_version()
    {
        _primaryProxy.Add(new FaultRule(FaultAction.S3Error(503, "ServiceUnavailable")) { Times = FaultRule.Unlimited });
        using var client = Create();
        using var sink = new MemoryStream();

        await client.DownloadAsync(_bucket, "object.bin", sink, new TransferOptions { PartSize = TransferOptions.MinPartSize });

        sink.ToArray().Should().Equal(_data);
    }

    [Fact]
    public async Task A_slow_primary_is_hedged_the_replica_answers_within_the_delay_and_the_primary_request_is_cancelled()
    {
        _primaryProxy.Add(new FaultRule(FaultAction.DelayResponse(TimeSpan.FromSeconds(5))) { Match = r => r.Method == "GET", Times = FaultRule.Unlimited });
        var recorder = new CancellationRecorder { InnerHandler = S3TestServer.LoopbackHandler(_primaryProxy.Url.Port) };
        using var client = Create(S3FallbackMode.Hedged, primaryHandler: recorder);

        var watch = Stopwatch.StartNew();
        await using var result = await client.GetObjectAsync(_bucket, "object.bin");
        var answered = watch.Elapsed;
        using var sink = new MemoryStream();
        await result.Content.CopyToAsync(sink);

        result.Source.Name.Should().Be("replica");
        sink.ToArray().Should().Equal(_data);
        answered.Should().BeLessThan(HedgeDelay + TimeSpan.FromMilliseconds(800), "the hedge goes out after HedgeDelay, long before the primary's 5 s");
        (await recorder.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue("the losing request to the primary is cancelled");
    }

    [Fact]
    public async Task With_every_endpoint_down_the_cache_serves_identical_bytes_and_an_altered_cache_file_is_not_served()
    {
        using var client = Create(cache: true);
        (await ReadAsync(client, _bucket, "object.bin")).Should().Equal(_data);
        _primaryProxy.Add(new FaultRule(FaultAction.ResetBeforeResponse(forwardRequest: false)) { Times = FaultRule.Unlimited });
        _replicaProxy.Add(new FaultRule(FaultAction.S3Error(503, "ServiceUnavailable")) { Times = FaultRule.Unlimited });

        await using (var cached = await client.GetObjectAsync(_bucket, "object.bin"))
        {
            using var sink = new MemoryStream();
            await cached.Content.CopyToAsync(sink);
            sink.ToArray().Should().Equal(_data);
            cached.Source.ToString().Should().Be("cache");
            cached.Source.CachedETag.Should().NotBeNullOrEmpty();
        }

        var file = Directory.GetFiles(_cache).Should().ContainSingle().Subject;
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[^100] ^= 0xFF;
        await File.WriteAllBytesAsync(file, bytes);
        var act = () => client.GetObjectAsync(_bucket, "object.bin");

        await act.Should().ThrowAsync<HttpRequestException>("the primary's error: nothing can serve the read");
        Directory.GetFiles(_cache).Should().BeEmpty();
    }

    [Fact]
    public async Task Objects_read_with_an_SSE_C_key_never_reach_the_cache_directory()
    {
        _primary.Supports(S3Feature.CustomerKeyEncryption).Should().BeTrue("the primary of these tests is a server with SSE-C");
        var key = new S3CustomerKey(RandomNumberGenerator.GetBytes(32));
        using var client = Create(cache: true);
        await client.PutObjectAsync(_bucket, "secret.bin", new MemoryStream(_data), new PutObjectOptions { CustomerKey = key });

        (await ReadAsync(client, _bucket, "secret.bin", new GetObjectOptions { CustomerKey = key })).Should().Equal(_data);

        (Directory.Exists(_cache) ? Directory.GetFiles(_cache) : []).Should().BeEmpty();
    }

    /// <summary>Sits at the socket end of the primary's pipeline and tells when a request there was cancelled.</summary>
    private sealed class CancellationRecorder : DelegatingHandler
    {
        public TaskCompletionSource<bool> Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Cancelled.TrySetResult(true);
                throw;
            }
        }
    }
}
