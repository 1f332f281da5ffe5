using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using S3Client.Core.Tests.TestSupport;

namespace S3Client.Core.Tests.Pipeline;

public class S3DiagnosticsHandlerTests
{
    [Fact]
    public async Task One_activity_with_aws_conventions_and_start_finish_logs_per_operation()
    {
        var activities = new List<Activity>();
        using var listener = Listen(activities);
        var logger = new ListLogger<S3DiagnosticsHandler>();
        var stub = new StubHandler(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK);
            response.Headers.TryAddWithoutValidation("x-amz-request-id", "req-42");
            return response;
        });
        using var invoker = new HttpMessageInvoker(new S3DiagnosticsHandler(TestRuntime.Create(logger: logger)) { InnerHandler = stub });

        (await invoker.SendAsync(Request("GetObject"), CancellationToken.None)).Dispose();

        var activity = activities.Should().ContainSingle().Subject;
        activity.DisplayName.Should().Be("S3.GetObject");
        activity.Kind.Should().Be(ActivityKind.Client);
        activity.GetTagItem("rpc.system").Should().Be("aws-api");
        activity.GetTagItem("rpc.service").Should().Be("S3");
        activity.GetTagItem("rpc.method").Should().Be("GetObject");
        activity.GetTagItem("aws.s3.bucket").Should().Be(_bucket);
        activity.GetTagItem("aws.request_id").Should().Be("req-42");
        activity.GetTagItem("http.response.status_code").Should().Be(200);
        logger.Entries.Select(e => e.EventId.Id).Should().Equal(1, 2);
    }

    [Fact]
    public async Task A_failed_operation_is_logged_with_code_and_request_id_and_marks_the_activity()
    {
        var activities = new List<Activity>();
        using var listener = Listen(activities);
        var logger = new ListLogger<S3DiagnosticsHandler>();
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            Content = new StringContent("<Error><Code>NoSuchKey</Code><RequestId>req-7</RequestId></Error>", Encoding.UTF8, "application/xml"),
        });
        using var invoker = new HttpMessageInvoker(new S3DiagnosticsHandler(TestRuntime.Create(logger: logger)) { InnerHandler = new S3ErrorHandler { InnerHandler = stub } });

        var act = () => invoker.SendAsync(Request("GetObject"), CancellationToken.None);

        await act.Should().ThrowAsync<S3NotFoundException>();
        activities.Single().Status.Should().Be(ActivityStatusCode.Error);
        activities.Single().GetTagItem("error.type").Should().Be("NoSuchKey");
        var failure = logger.Entries.Should().ContainSingle(e => e.EventId.Id == 3).Subject;
        failure.Message.Should().Contain("NoSuchKey").And.Contain("req-7");
    }

    // Other tests run S3 operations in parallel: each test uses its own bucket name and keeps only its activities.
    private readonly string _bucket = "diag-" + Guid.NewGuid().ToString("N")[..12];

    private HttpRequestMessage Request(string operation)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1/{_bucket}/key");
        new S3RequestContext(operation, _bucket, "key").AttachTo(request);
        return request;
    }

    private ActivityListener Listen(List<Activity> activities)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == S3Diagnostics.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("aws.s3.bucket"), _bucket))
                {
                    lock (activities)
                    {
                        activities.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
