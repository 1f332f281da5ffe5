using System.Diagnostics;
using System.Globalization;
using System.Text;
using S3Client.Benchmarks.Infrastructure;
using S3Client.FaultInjection;

namespace S3Client.Benchmarks.Fallback;

/// <summary>
/// Measures GET latency percentiles with a primary whose every 20th answer (5 %) the fault proxy holds for 500 ms, and
/// a healthy replica: a plain client, the failover client (nothing to fail over, so it must cost nothing) and the
/// hedged client. BenchmarkDotNet reports means and medians; a tail needs every sample, so this is a measured loop.
/// </summary>
public static class HedgingLatencyHarness
{
    private const string Key = "obj-4096";
    private const int SlowEvery = 20;
    private static readonly TimeSpan SlowAnswer = TimeSpan.FromMilliseconds(500);

    public static async Task<string> RunAsync(Uri endpoint, bool full)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"GETs of a 4 KiB object, one at a time, through the fault proxy; the primary's every {SlowEvery}th answer held {SlowAnswer.TotalMilliseconds} ms.");
        text.AppendLine("The loopback endpoint answers in well under a millisecond, so three medians are about a millisecond, below the");
        text.AppendLine("scheduling noise of a shared machine; the second table adds 10 ms to every answer of both endpoints, as a real service has.");
        text.AppendLine();
        await RunCaseAsync(text, endpoint, full ? 4000 : 1000, null);
        await RunCaseAsync(text, endpoint, full ? 2000 : 500, TimeSpan.FromMilliseconds(10));
        return text.ToString();
    }

    private static async Task RunCaseAsync(StringBuilder text, Uri endpoint, int reads, TimeSpan? serviceLatency)
    {
        await using var healthyPrimary = FaultProxy.Start(endpoint);
        await using var slowPrimary = FaultProxy.Start(endpoint);
        await using var replica = FaultProxy.Start(endpoint);
        var gets = 0;
        slowPrimary.Add(new FaultRule(FaultAction.DelayResponse(SlowAnswer))
        {
            Match = r => r.Method == "GET" && Interlocked.Increment(ref gets) % SlowEvery == 0,
            Times = FaultRule.Unlimited,
        });
        if (serviceLatency is { } latency)
        {
            foreach (var proxy in new[] { healthyPrimary, slowPrimary, replica })
            {
                proxy.Add(new FaultRule(FaultAction.DelayResponse(latency)) { Times = FaultRule.Unlimited });
            }
        }

        using var plain = ClientFactory.CreateOurs(healthyPrimary.Url);
        var baseline = await MeasureAsync(plain, reads);
        using var failover = Fallback(healthyPrimary.Url, replica.Url, S3FallbackMode.Failover, S3FallbackOptions.DefaultHedgeDelay);
        var failoverHealthy = await MeasureAsync(failover, reads);

        using var plainSlow = ClientFactory.CreateOurs(slowPrimary.Url);
        var slow = await MeasureAsync(plainSlow, reads);

        // A hedge delay above nearly every healthy answer: twice the healthy p99, at least 20 ms.
        var hedgeDelay = TimeSpan.FromMilliseconds(Math.Max(20, Math.Ceiling(baseline.P99 * 2)));
        var replicaBefore = replica.Requests.Count;
        using var hedged = Fallback(slowPrimary.Url, replica.Url, S3FallbackMode.Hedged, hedgeDelay);
        var hedgedSlow = await MeasureAsync(hedged, reads);
        var extra = (double)(replica.Requests.Count - replicaBefore) / reads;

        var bound = hedgeDelay.TotalMilliseconds + (3 * hedgedSlow.P50);
        text.AppendLine(CultureInfo.InvariantCulture, $"### {(serviceLatency is null ? "Loopback answers" : $"Answers of {serviceLatency.Value.TotalMilliseconds} ms")}, {reads} GETs per case");
        text.AppendLine();
        text.AppendLine("| Case | p50 ms | p90 ms | p99 ms | max ms | extra requests |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        Row(text, "plain client, healthy primary", baseline, null);
        Row(text, "failover client, healthy primary", failoverHealthy, null);
        Row(text, "plain client, 5 % slow primary", slow, null);
        Row(text, $"hedged client (HedgeDelay {hedgeDelay.TotalMilliseconds} ms), 5 % slow primary", hedgedSlow, extra);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- hedged p99 {hedgedSlow.P99:F1} ms <= HedgeDelay + 3 x median = {bound:F1} ms: {(hedgedSlow.P99 <= bound ? "yes" : "NO")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- extra requests {extra:P1} <= 10 %: {(extra <= 0.10 ? "yes" : "NO")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- failover on healthy reads: p50 {Delta(failoverHealthy.P50 - baseline.P50)} ms, p99 {Delta(failoverHealthy.P99 - baseline.P99)} ms against the plain client");
        text.AppendLine();
    }

    private static S3FailoverClient Fallback(Uri primary, Uri replica, S3FallbackMode mode, TimeSpan hedgeDelay) => S3FallbackClientFactory.CreateClient(new S3ClientOptions
    {
        ServiceUrl = primary,
        Region = BenchmarkCredentials.Region,
        AddressingStyle = S3AddressingStyle.Path,
        AccessKeyId = BenchmarkCredentials.AccessKeyId,
        SecretAccessKey = BenchmarkCredentials.SecretAccessKey,
        Fallback = new S3FallbackOptions
        {
            Mode = mode,
            HedgeDelay = hedgeDelay,
            Endpoints = { new S3FallbackEndpoint { Name = "replica", ServiceUrl = replica } },
        },
    });

    private static async Task<Percentiles> MeasureAsync(IS3Client client, int reads)
    {
        var buffer = new byte[8192];
        for (var i = 0; i < 50; i++)
        {
            await ReadAsync(client, buffer);
        }

        var samples = new double[reads];
        for (var i = 0; i < reads; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await ReadAsync(client, buffer);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(samples);
        return new Percentiles(At(samples, 0.50), At(samples, 0.90), At(samples, 0.99), samples[^1]);
    }

    private static async Task ReadAsync(IS3Client client, byte[] buffer)
    {
        await using var result = await client.GetObjectAsync("bench", Key);
        while (await result.Content.ReadAsync(buffer) > 0)
        {
        }
    }

    private static double At(double[] sorted, double quantile) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];

    private static void Row(StringBuilder text, string name, Percentiles p, double? extra) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {p.P50:F2} | {p.P90:F2} | {p.P99:F2} | {p.Max:F1} | {(extra is { } e ? e.ToString("P1", CultureInfo.InvariantCulture) : "-")} |");

    private readonly record struct Percentiles(double P50, double P90, double P99, double Max);

    /// <summary>A signed difference in milliseconds; one that rounds to zero is written 0.00 (not -+0.00).</summary>
    private static string Delta(double milliseconds) =>
        Math.Round(milliseconds, 2).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);
}
