using System.Net;
using S3Client.Core.Tests.TestSupport;

namespace S3Client.Extensions.Tests.Fallback;

/// <summary>Failover over full endpoint pipelines: each endpoint's own circuit breaker, and version checks on pinned reads.</summary>
public class FailoverPipelineTests
{
    private static S3FailoverClient Create(
        HttpMessageHandler primary, HttpMessageHandler replica, Action<S3ClientOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var options = new S3ClientOptions
        {
            ServiceUrl = new Uri("http://127.0.0.1:9000"),
            AccessKeyId = "AKIDEXAMPLE",
            SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            AddressingStyle = S3AddressingStyle.Path,
            Fallback = { Endpoints = { new S3FallbackEndpoint { Name = "replica", ServiceUrl = new Uri("http://127.0.0.1:9001") } } },
        };
        options.Retry.MaxRetryAttempts = 0;
        configure?.Invoke(options);
        return S3FallbackClientFactory.CreateClient(options, timeProvider: timeProvider, primaryHandlers: new Dictionary<string, HttpMessageHandler> { ["primary"] = primary, ["replica"] = replica });
    }

    private static HttpResponseMessage InternalError() => new(HttpStatusCode.InternalServerError)
    {
        Content = new StringContent("<Error><Code>InternalError</Code></Error>"),
    };

    [Fact]
    public async Task While_the_primary_circuit_is_open_reads_go_straight_to_the_replica()
    {
        var primary = new StubHandler(_ => InternalError());
        var replica = new EndpointHandler("from replica");
        using var client = Create(primary, replica, o =>
        {
            o.CircuitBreaker.MinimumThroughput = 2;
            o.CircuitBreaker.FailureRatio = 0.5;
        });

        for (var i = 0; i < 3; i++)
        {
            await using var result = await client.GetObjectAsync("bucket", "key");
            result.Source.Name.Should().Be("replica");
        }

        primary.Requests.Should().HaveCount(2, "after two failures the primary's circuit is open and the third read does not touch it");
        replica.Requests.Should().Be(3);
    }

    [Fact]
    public async Task A_replica_answer_with_another_entity_tag_than_the_pinned_one_is_never_returned()
    {
        var primary = new StubHandler(_ => InternalError());
        var replica = new EndpointHandler("another version"); // answers ETag "etag" whatever If-Match says
        using var client = Create(primary, replica);

        var act = () => client.GetObjectAsync("bucket", "key", new GetObjectOptions { IfMatch = "\"pinned\"" });

        var thrown = (await act.Should().ThrowAsync<S3ServerException>("the primary's error: no endpoint holds the pinned version")).Which;
        // The client itself refuses an answer for another entity tag than If-Match named (or, for a fake endpoint, the
        // failover client does): either way the replica's failure, never its data.
        thrown.Data["S3Client.Fallback.replica"].Should().Match<object>(e => e is IOException || e is InvalidDataException)
            .And.Subject.As<Exception>().Message.Should().Contain("\"pinned\"").And.Contain("\"etag\"");
        replica.Requests.Should().Be(1);
    }

    [Fact]
    public async Task A_hedged_read_whose_primary_fails_at_once_goes_to_the_replica_without_waiting_for_the_delay()
    {
        var primary = new StubHandler(_ => InternalError());
        var replica = new EndpointHandler("from replica");
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(); // never advanced: the hedge delay never elapses
        using var client = Create(primary, replica, o => o.Fallback.Mode = S3FallbackMode.Hedged, clock);

        await using var result = await client.GetObjectAsync("bucket", "key").WaitAsync(TimeSpan.FromSeconds(30));

        result.Source.Name.Should().Be("replica", "a failure sends the read on at once, not after the hedge delay");
    }
}
