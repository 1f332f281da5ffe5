using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using S3Client.Core.Tests.TestSupport;
using S3Client.Extensions.Tests.TestSupport;

namespace S3Client.Extensions.Tests.Diagnostics;

/// <summary>
/// A representative workload with every log at Trace, every activity source and every meter listened to: the expected
/// events, spans and metrics are there, and no secret is anywhere in what was captured.
/// </summary>
public class TelemetryRedactionTests
{
    private static readonly byte[] CustomerKeyBytes = Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray();

    [Fact]
    public async Task A_workload_emits_events_spans_and_metrics_and_leaks_no_secret()
    {
        var captured = new StringBuilder();
        var spans = new List<Activity>();
        var measurements = new List<(string Instrument, string Tags)>();
        using var activities = ListenToActivities(spans);
        using var meters = ListenToMeters(measurements);
        var calls = 0;
        var bucket = "redaction-" + Guid.NewGuid().ToString("N")[..8];
        using var host = new S3TestHost(new StubHandler(request => Answer(request, ref calls)));
        var client = host.Client;

        await client.PutObjectAsync(bucket, "docs/a.txt", new MemoryStream("hello"u8.ToArray()), new PutObjectOptions { CustomerKey = new S3CustomerKey(CustomerKeyBytes) });
        await using (var get = await client.GetObjectAsync(bucket, "docs/a.txt", new GetObjectOptions { CustomerKey = new S3CustomerKey(CustomerKeyBytes) }))
        {
            await get.Content.CopyToAsync(Stream.Null);
        }

        await client.Invoking(c => c.HeadObjectAsync(bucket, "missing")).Should().ThrowAsync<S3NotFoundException>();
        await FakeClock.RunAsync(host.Time, client.DeleteObjectAsync(bucket, "flaky"), TimeSpan.FromMilliseconds(50));
        await client.ListObjectsPageAsync(bucket);
        var presigned = await client.GetPresignedUrlAsync(bucket, "docs/a.txt", HttpMethod.Get, TimeSpan.FromMinutes(5));

        var secrets = new List<string> { S3TestHost.Secret, S3TestHost.SessionToken, Convert.ToBase64String(CustomerKeyBytes) };
        secrets.AddRange(host.Stub.Requests.Select(r => r.Headers["Authorization"].Split("Signature=")[1]));
        secrets.AddRange(Query(presigned, "X-Amz-Signature", "X-Amz-Credential", "X-Amz-Security-Token"));
        foreach (var (category, entry) in host.Logs.Entries)
        {
            captured.AppendLine($"{category} {entry.Level} {entry.Message} | {entry.State} | {entry.Exception}");
        }

        List<Activity> spanSnapshot;
        lock (spans)
        {
            spanSnapshot = [.. spans];
        }

        List<(string Instrument, string Tags)> measurementSnapshot;
        lock (measurements)
        {
            measurementSnapshot = [.. measurements];
        }

        foreach (var span in spanSnapshot)
        {
            captured.AppendLine($"{span.Source.Name} {span.DisplayName} {string.Join(", ", span.TagObjects.Select(t => $"{t.Key}={t.Value}"))} {span.StatusDescription}");
            foreach (var e in span.Events)
            {
                captured.AppendLine($"  {e.Name} {string.Join(", ", e.Tags.Select(t => $"{t.Key}={t.Value}"))}");
            }
        }

        foreach (var (instrument, tags) in measurementSnapshot)
        {
            captured.AppendLine($"{instrument} {tags}");
        }

        var text = captured.ToString();
        secrets.Should().HaveCountGreaterThan(8);
        foreach (var secret in secrets)
        {
            text.Should().NotContain(secret);
        }

        text.Should().NotContainEquivalentOf("authorization:").And.NotContain("AWS4-HMAC-SHA256 Credential=");
        host.Logs.Entries.Select(e => e.Entry.EventId.Id).Should().Contain([1, 2, 3, 101]);
        spanSnapshot.Where(s => s.Source.Name == S3Diagnostics.SourceName).Select(s => s.DisplayName).Should()
            .Contain(["S3.PutObject", "S3.GetObject", "S3.HeadObject", "S3.DeleteObject", "S3.ListObjectsV2"]);
        spanSnapshot.Single(s => s.DisplayName == "S3.PutObject" && Equals(s.GetTagItem("aws.s3.bucket"), bucket)).GetTagItem("aws.s3.key").Should().Be("docs/a.txt");
        measurementSnapshot.Select(m => m.Instrument).Should().Contain(["s3client.operation.duration", "s3client.bytes.sent", "s3client.bytes.received", "s3client.retries", "s3client.errors"]);
        measurementSnapshot.Should().Contain(m => m.Instrument == "s3client.errors" && m.Tags.Contains("error.type=404"));
    }

    [Fact]
    public async Task Object_keys_can_be_kept_out_of_logs_traces_and_exception_messages()
    {
        var spans = new List<Activity>();
        using var activities = ListenToActivities(spans);
        var bucket = "private-" + Guid.NewGuid().ToString("N")[..8];
        using var host = new S3TestHost(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            Content = new StringContent("<Error><Code>NoSuchKey</Code><Key>patients/jane-doe.pdf</Key></Error>"),
        }), o => o.Diagnostics.IncludeObjectKeys = false);

        var act = () => host.Client.GetObjectAsync(bucket, "patients/jane-doe.pdf");

        var thrown = await act.Should().ThrowAsync<S3NotFoundException>();
        thrown.Which.Key.Should().Be("patients/jane-doe.pdf", "code can still see the key");
        thrown.Which.Message.Should().NotContain("jane-doe");
        host.Logs.Entries.Should().NotContain(e => (e.Entry.Message + e.Entry.State).Contains("jane-doe"));
        Snapshot(spans).Where(s => Equals(s.GetTagItem("aws.s3.bucket"), bucket)).Should().ContainSingle()
            .Which.TagObjects.Should().NotContain(t => t.Key == "aws.s3.key");
    }

    private static List<Activity> Snapshot(List<Activity> spans)
    {
        lock (spans)
        {
            return [.. spans];
        }
    }

    private static HttpResponseMessage Answer(HttpRequestMessage request, ref int calls)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (request.Method == HttpMethod.Head)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        if (request.Method == HttpMethod.Delete && path.EndsWith("/flaky", StringComparison.Ordinal) && Interlocked.Increment(ref calls) == 1)
        {
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("<Error><Code>SlowDown</Code></Error>") };
        }

        if (request.Method == HttpMethod.Get && request.RequestUri.Query.Contains("list-type=2", StringComparison.Ordinal))
        {
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key>docs/a.txt</Key><Size>5</Size><LastModified>2026-01-02T03:04:05Z</LastModified></Contents></ListBucketResult>") };
        }

        if (request.Method == HttpMethod.Get)
        {
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent("hello"u8.ToArray()) };
        }

        var ok = new HttpResponseMessage(request.Method == HttpMethod.Delete ? HttpStatusCode.NoContent : HttpStatusCode.OK);
        ok.Headers.TryAddWithoutValidation("ETag", "\"etag\"");
        ok.Headers.TryAddWithoutValidation("x-amz-request-id", "req-" + calls);
        return ok;
    }

    private static IEnumerable<string> Query(Uri uri, params string[] names)
    {
        foreach (var pair in uri.Query.TrimStart('?').Split('&'))
        {
            var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
            if (names.Contains(name))
            {
                var value = pair[(name.Length + 1)..];
                yield return value;
                yield return Uri.UnescapeDataString(value);
            }
        }
    }

    private static ActivityListener ListenToActivities(List<Activity> spans)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static MeterListener ListenToMeters(List<(string, string)> measurements)
    {
        var listener = new MeterListener { InstrumentPublished = (instrument, l) => l.EnableMeasurementEvents(instrument) };
        void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        {
            var text = string.Join(", ", tags.ToArray().Select(t => $"{t.Key}={t.Value}"));
            lock (measurements)
            {
                measurements.Add((instrument.Name, text));
            }
        }

        listener.SetMeasurementEventCallback<double>(Record);
        listener.SetMeasurementEventCallback<long>(Record);
        listener.SetMeasurementEventCallback<int>(Record);
        listener.Start();
        return listener;
    }
}
