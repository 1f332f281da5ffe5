using System.Diagnostics.Metrics;

namespace S3Client.Extensions.Tests.Fallback;

/// <summary>Hedged reads on a fake clock: the replica is asked only after the hedge delay, and the loser is cancelled.</summary>
public class HedgedReadTests
{
    private static readonly TimeSpan HedgeDelay = TimeSpan.FromMilliseconds(150);
    private readonly HedgeClock _time = new(HedgeDelay);

    private S3FailoverClient Create(EndpointHandler primary, params (string Name, EndpointHandler Handler)[] replicas)
    {
        var options = new S3ClientOptions
        {
            ServiceUrl = new Uri("http://127.0.0.1:9000"),
            AccessKeyId = "AKIDEXAMPLE",
            SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            AddressingStyle = S3AddressingStyle.Path,
            Fallback = new S3FallbackOptions { Mode = S3FallbackMode.Hedged, HedgeDelay = HedgeDelay },
        };
        var handlers = new Dictionary<string, HttpMessageHandler> { ["primary"] = primary };
        foreach (var (name, handler) in replicas)
        {
            options.Fallback.Endpoints.Add(new S3FallbackEndpoint { Name = name, ServiceUrl = new Uri($"http://127.0.0.1:{9001 + handlers.Count}") });
            handlers[name] = handler;
        }

        return S3FallbackClientFactory.CreateClient(options, timeProvider: _time, primaryHandlers: handlers);
    }

    [Fact]
    public async Task A_slow_primary_is_hedged_after_the_delay_the_replica_wins_and_the_primary_is_cancelled()
    {
        var primary = new EndpointHandler("from primary", hold: true);
        var replica = new EndpointHandler("from replica");
        using var client = Create(primary, ("replica", replica));

        var read = client.GetObjectAsync("bucket", "key");
        await _time.AdvanceHedgeTimerAsync(HedgeDelay - TimeSpan.FromMilliseconds(1));
        replica.Requests.Should().Be(0, "the hedge delay has not passed");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await using var result = await read;

        result.Source.Name.Should().Be("replica");
        (await new StreamReader(result.Content).ReadToEndAsync()).Should().Be("from replica");
        await primary.CancelledSignal.Task;
        primary.Cancelled.Should().Be(1);
    }

    [Fact]
    public async Task A_primary_that_answers_within_the_delay_costs_no_extra_request()
    {
        var primary = new EndpointHandler("from primary", hold: true);
        var replica = new EndpointHandler("from replica");
        using var client = Create(primary, ("replica", replica));

        var read = client.GetObjectAsync("bucket", "key");
        await _time.AdvanceHedgeTimerAsync(HedgeDelay / 2);
        primary.Release();
        await using var result = await read;
        _time.Advance(HedgeDelay * 4);

        result.Source.Should().BeSameAs(S3ReadSource.Primary);
        replica.Requests.Should().Be(0);
    }

    [Fact]
    public async Task Hedges_are_bounded_by_the_endpoints_and_counted()
    {
        var hedges = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "s3client.fallback.hedges")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "s3client.endpoint")
                {
                    lock (hedges)
                    {
                        hedges.Add((string)tag.Value!);
                    }
                }
            }
        });
        listener.Start();
        var primary = new EndpointHandler("p", hold: true);
        var first = new EndpointHandler("r1", hold: true);
        var second = new EndpointHandler("r2", hold: true);
        using var client = Create(primary, ("r1", first), ("r2", second));

        var read = client.GetObjectAsync("bucket", "key");
        await _time.AdvanceHedgeTimerAsync(HedgeDelay);
        await _time.AdvanceHedgeTimerAsync(HedgeDelay);
        await second.Arrived.Task;
        _time.Advance(HedgeDelay * 10);
        second.Release();
        await using var result = await read;

        result.Source.Name.Should().Be("r2");
        (primary.Requests, first.Requests, second.Requests).Should().Be((1, 1, 1));
        await Task.WhenAll(primary.CancelledSignal.Task, first.CancelledSignal.Task);
        lock (hedges)
        {
            hedges.Should().Equal("r1", "r2");
        }
    }

    [Fact]
    public async Task Writes_are_never_hedged()
    {
        var primary = new EndpointHandler(string.Empty, hold: true);
        var replica = new EndpointHandler(string.Empty);
        using var client = Create(primary, ("replica", replica));

        var write = client.DeleteObjectAsync("bucket", "key");
        await primary.Arrived.Task;
        _time.Advance(HedgeDelay * 10);
        primary.Release();
        await write;

        replica.Requests.Should().Be(0);
    }
}
