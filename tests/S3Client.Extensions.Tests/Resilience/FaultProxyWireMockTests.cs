using System.Security.Cryptography;
using S3Client.FaultInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace S3Client.Extensions.Tests.Resilience;

/// <summary>The fault proxy in front of WireMock: what reaches the server on each attempt, byte for byte.</summary>
public sealed class FaultProxyWireMockTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();
    // Real timers (the retry delays are a few milliseconds), with a clock the test moves forward when the fault fires,
    // so the second attempt must carry a later x-amz-date and a new signature.
    private readonly SteppedClock _time = new();

    public FaultProxyWireMockTests()
    {
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("ETag", "\"etag\""));
    }

    [Theory]
    [InlineData("forward-then-503")]
    [InlineData("reset-mid-body")]
    [InlineData("reset-before-answer")]
    public async Task Every_attempt_of_a_retried_put_carries_the_same_body_and_a_fresh_signature(string fault)
    {
        await using var proxy = FaultProxy.Start(new Uri($"http://127.0.0.1:{_server.Port}"));
        proxy.Add(new FaultRule(fault switch
        {
            "forward-then-503" => FaultAction.S3Error(503, "SlowDown", forwardFirst: true),
            "reset-mid-body" => FaultAction.ResetAfterRequestBytes(100_000),
            _ => FaultAction.ResetBeforeResponse(forwardRequest: true),
        })
        {
            Match = _ =>
            {
                _time.Offset += TimeSpan.FromSeconds(2);
                return true;
            },
        });
        var options = new S3ClientOptions { ServiceUrl = proxy.Url, AccessKeyId = "AKIDEXAMPLE", SecretAccessKey = "secret", AddressingStyle = S3AddressingStyle.Path };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
        options.Retry.MinThrottleDelay = TimeSpan.FromMilliseconds(1);
        using var client = S3ClientPipeline.CreateClient(options, timeProvider: _time);
        var data = RandomNumberGenerator.GetBytes(1024 * 1024);

        await client.PutObjectAsync("bucket", "key", new MemoryStream(data));

        var attempts = proxy.Requests.Where(r => r.Head.Method == "PUT").ToList();
        attempts.Should().HaveCount(2);
        attempts.Should().AllSatisfy(a => a.Head.GetHeader("x-amz-content-sha256").Should().Be(Convert.ToHexStringLower(SHA256.HashData(data))));
        attempts[1].BodySha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(data)), "the retry sends the whole body again");
        attempts[1].Head.GetHeader("x-amz-date").Should().NotBe(attempts[0].Head.GetHeader("x-amz-date"));
        var received = _server.LogEntries.Where(e => e.RequestMessage.Method == "PUT" && e.RequestMessage.BodyAsBytes?.Length == data.Length).ToList();
        received.Should().NotBeEmpty();
        received.Should().AllSatisfy(e => e.RequestMessage.BodyAsBytes.Should().Equal(data));
    }

    public void Dispose() => _server.Stop();

    private sealed class SteppedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }
}
