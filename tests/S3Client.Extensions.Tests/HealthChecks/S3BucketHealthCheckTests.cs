using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using S3Client.Core.Tests.TestSupport;
using S3Client.Testing;

namespace S3Client.Extensions.Tests.HealthChecks;

public class S3BucketHealthCheckTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    [Fact]
    public async Task An_existing_bucket_is_Healthy()
    {
        var s3 = new InMemoryS3Client();
        await s3.CreateBucketAsync("uploads");

        var entry = await CheckAsync(s3, b => b.AddS3BucketCheck("uploads"));

        entry.Status.Should().Be(HealthStatus.Healthy);
        entry.Description.Should().Be("S3 bucket 'uploads' is reachable.");
        entry.Data.Should().Equal(new Dictionary<string, object> { ["bucket"] = "uploads" });
    }

    [Fact]
    public async Task A_missing_bucket_is_Unhealthy_and_says_so()
    {
        var entry = await CheckAsync(new InMemoryS3Client(), b => b.AddS3BucketCheck("uploads"));

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Be("S3 bucket 'uploads' does not exist.");
        entry.Exception.Should().BeNull();
    }

    [Fact]
    public async Task The_failure_status_of_the_registration_is_reported()
    {
        var entry = await CheckAsync(new InMemoryS3Client(), b => b.AddS3BucketCheck("uploads", failureStatus: HealthStatus.Degraded));

        entry.Status.Should().Be(HealthStatus.Degraded);
    }

    [Fact]
    public async Task Access_denied_is_Unhealthy_with_the_status_and_request_id_and_no_secret()
    {
        using var client = RealClientAnswering(HttpStatusCode.Forbidden, requestId: "REQ-403");

        var entry = await CheckAsync(client, b => b.AddS3BucketCheck("uploads"));

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Be("Access to S3 bucket 'uploads' was denied (403 Forbidden): check the credentials and the bucket policy.");
        entry.Data.Should().Equal(new Dictionary<string, object> { ["bucket"] = "uploads", ["statusCode"] = 403, ["requestId"] = "REQ-403" });
        entry.Exception.Should().BeOfType<S3AccessDeniedException>();
        ShouldHoldNoSecret(entry);
    }

    [Fact]
    public async Task A_server_error_is_Unhealthy_with_the_status_and_request_id()
    {
        using var client = RealClientAnswering(HttpStatusCode.ServiceUnavailable, requestId: "REQ-503");

        var entry = await CheckAsync(client, b => b.AddS3BucketCheck("uploads"));

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Be("S3 bucket 'uploads' could not be checked: the service answered 503 ServiceUnavailable.");
        entry.Data["statusCode"].Should().Be(503);
        entry.Data["requestId"].Should().Be("REQ-503");
        entry.Exception.Should().BeOfType<S3ServerException>();
        ShouldHoldNoSecret(entry);
    }

    [Fact]
    public async Task An_S3_error_code_is_reported_when_the_answer_has_one()
    {
        var stub = StubS3Client.Create((_, _) => throw new S3ServerException("HeadBucket failed", HttpStatusCode.InternalServerError) { ErrorCode = "InternalError", RequestId = "R1" });

        var entry = await CheckAsync(stub, b => b.AddS3BucketCheck("uploads"));

        entry.Description.Should().Contain("500 InternalError");
        entry.Data["errorCode"].Should().Be("InternalError");
    }

    [Fact]
    public async Task A_network_failure_is_Unhealthy_with_the_message_and_the_address()
    {
        var stub = StubS3Client.Create((_, _) => throw new HttpRequestException(
            "An error occurred while sending the request.",
            new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused, "Connection refused (storage.internal:9000)")));

        var entry = await CheckAsync(stub, b => b.AddS3BucketCheck("uploads"));

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Be(
            "S3 bucket 'uploads' could not be reached: HttpRequestException: An error occurred while sending the request. Connection refused (storage.internal:9000)");
        entry.Exception.Should().BeOfType<HttpRequestException>();
    }

    [Fact]
    public async Task A_failure_of_another_kind_names_only_its_type()
    {
        var stub = StubS3Client.Create((_, _) => throw new InvalidOperationException("something with secret-host"));

        var entry = await CheckAsync(stub, b => b.AddS3BucketCheck("uploads"));

        entry.Description.Should().Be("S3 bucket 'uploads' could not be reached (InvalidOperationException).");
    }

    [Fact]
    public async Task No_answer_within_the_timeout_is_Unhealthy()
    {
        var time = new FakeTimeProvider();
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stub = StubS3Client.Create(async (_, ct) =>
        {
            called.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return true;
        });
        using var provider = Provider(stub, b => b.AddS3BucketCheck("uploads", timeout: TimeSpan.FromSeconds(2)), time);

        var check = provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        await called.Task;
        time.Advance(TimeSpan.FromMilliseconds(1999));
        var pendingBeforeTheDeadline = !check.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(1));
        var entry = (await check).Entries["s3:uploads"];

        pendingBeforeTheDeadline.Should().BeTrue();
        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Be("S3 bucket 'uploads' did not answer within 2 s.");
        entry.Exception.Should().BeAssignableTo<OperationCanceledException>();
    }

    [Fact]
    public async Task The_caller_cancelling_is_not_reported_as_a_timeout()
    {
        var stub = StubS3Client.Create(async (_, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return true;
        });
        var check = new S3BucketHealthCheck(stub, "uploads", TimeSpan.FromMinutes(1), new FakeTimeProvider());
        using var cts = new CancellationTokenSource();

        var running = check.CheckHealthAsync(new HealthCheckContext(), cts.Token);
        await cts.CancelAsync();

        var act = () => running;
        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task A_keyed_client_is_resolved_by_its_name()
    {
        var backups = new InMemoryS3Client();
        await backups.CreateBucketAsync("archive");
        var services = new ServiceCollection().AddLogging();
        services.AddKeyedSingleton<IS3Client>("backups", backups);
        services.AddHealthChecks().AddS3BucketCheck("archive", clientName: "backups");
        using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        report.Entries.Should().ContainKey("s3:backups:archive").WhoseValue.Status.Should().Be(HealthStatus.Healthy);
    }

    [Fact]
    public void The_registration_carries_its_name_tags_and_failure_status()
    {
        var services = new ServiceCollection();

        services.AddHealthChecks().AddS3BucketCheck("uploads", name: "storage", failureStatus: HealthStatus.Degraded, tags: ["ready"]);
        using var provider = services.BuildServiceProvider();

        var registration = provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Should().ContainSingle().Subject;
        registration.Name.Should().Be("storage");
        registration.Tags.Should().Equal("ready");
        registration.FailureStatus.Should().Be(HealthStatus.Degraded);
    }

    [Fact]
    public void Bad_registrations_fail_at_once()
    {
        var builder = new ServiceCollection().AddHealthChecks();

        var blank = () => builder.AddS3BucketCheck(" ");
        var negative = () => builder.AddS3BucketCheck("uploads", timeout: TimeSpan.FromSeconds(-1));

        blank.Should().Throw<ArgumentException>();
        negative.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("timeout");
    }

    [Fact]
    public async Task An_invalid_bucket_name_is_reported_as_misconfiguration()
    {
        var entry = await CheckAsync(new InMemoryS3Client(), b => b.AddS3BucketCheck("Not_A_Bucket"));

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().StartWith("S3 bucket check is misconfigured: Bucket name 'Not_A_Bucket' contains 'N'");
    }

    private static async Task<HealthReportEntry> CheckAsync(IS3Client client, Action<IHealthChecksBuilder> register)
    {
        using var provider = Provider(client, register, TimeProvider.System);
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries.Should().ContainSingle().Subject.Value;
    }

    private static ServiceProvider Provider(IS3Client client, Action<IHealthChecksBuilder> register, TimeProvider time)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(client);
        services.AddSingleton(time);
        register(services.AddHealthChecks());
        return services.BuildServiceProvider();
    }

    /// <summary>The real client over a stub service that answers every request with <paramref name="status"/> and no body (as HEAD answers are).</summary>
    private static S3ServiceClient RealClientAnswering(HttpStatusCode status, string requestId)
    {
        var stub = new StubHandler(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new ByteArrayContent([]) };
            response.Headers.TryAddWithoutValidation("x-amz-request-id", requestId);
            return response;
        });
        var options = new S3ClientOptions
        {
            ServiceUrl = new Uri("http://127.0.0.1:9000"), AccessKeyId = "AKIDEXAMPLE", SecretAccessKey = Secret, AddressingStyle = S3AddressingStyle.Path,
        };
        return new S3ServiceClient(new HttpClient(new S3ErrorHandler { InnerHandler = stub }), new S3Client.Pipeline.Internal.S3ClientRuntime(options), ownsHttpClient: true);
    }

    private static void ShouldHoldNoSecret(HealthReportEntry entry)
    {
        entry.Description.Should().NotContain(Secret).And.NotContain("AKIDEXAMPLE");
        entry.Data.Values.Select(v => v.ToString()).Should().NotContain(v => v!.Contains(Secret) || v.Contains("AKIDEXAMPLE"));
        entry.Exception!.Message.Should().NotContain(Secret);
    }
}
