using System.Collections.Concurrent;
using System.Net;
using System.Text;
using S3Client.Core.Tests.TestSupport;

namespace S3Client.Core.Tests.Transfer;

/// <summary>
/// Uploads at the edges: a stream of unknown length that fills exactly one part, progress of such streams, and a
/// cancellation that arrives while the service is still starting the multipart upload.
/// </summary>
public class UploadEdgeTests
{
    private const int MiB = 1024 * 1024;
    private const string UploadId = "upload-1";

    private readonly ConcurrentDictionary<string, byte[]> _bodies = new();

    [Fact]
    public async Task A_stream_of_unknown_length_that_fills_exactly_one_part_is_stored_with_one_PUT()
    {
        var data = Data(8 * MiB);
        var service = Service();

        await new S3TransferManager(service.Client()).UploadAsync("bucket", "key", new NonSeekableStream(data));

        service.Requests.Should().ContainSingle().Which.Method.Should().Be(HttpMethod.Put);
        _bodies["PUT /bucket/key"].Should().Equal(data);
    }

    [Fact]
    public async Task A_stream_of_unknown_length_one_byte_longer_than_a_part_goes_in_parts_with_every_byte()
    {
        var data = Data((8 * MiB) + 1);
        var service = Service();

        await new S3TransferManager(service.Client()).UploadAsync("bucket", "key", new NonSeekableStream(data), new TransferOptions { MaxConcurrency = 1 });

        service.Requests.Select(r => r.Method.Method + " " + r.RequestUri!.Query).Should().Equal(
            "POST ?uploads", $"PUT ?partNumber=1&uploadId={UploadId}", $"PUT ?partNumber=2&uploadId={UploadId}", $"POST ?uploadId={UploadId}");
        _bodies["PUT part 1"].Concat(_bodies["PUT part 2"]).Should().Equal(data);
    }

    [Theory]
    [InlineData(3 * MiB)]
    [InlineData(8 * MiB)]
    [InlineData(16 * MiB)]
    [InlineData((16 * MiB) + 5)]
    public async Task An_upload_of_unknown_length_reports_its_final_byte_count_once_at_the_end(int length)
    {
        var progress = new Recorder();

        await new S3TransferManager(Service().Client()).UploadAsync("bucket", "key", new NonSeekableStream(Data(length)), progress: progress);

        progress.Reports.Count(r => r.BytesTransferred == length).Should().Be(1);
        progress.Reports[^1].Should().Be(new TransferProgress(length, length));
        progress.Reports.Count(r => r.Fraction == 1).Should().Be(1);
    }

    [Fact]
    public async Task A_cancellation_while_the_service_starts_the_upload_aborts_the_upload_it_started()
    {
        using var caller = new CancellationTokenSource();
        var service = Service(onCreate: async token =>
        {
            // The caller gives up while the service is still answering; a request bound to the caller's token dies here.
            await caller.CancelAsync();
            token.ThrowIfCancellationRequested();
        });

        var upload = () => new S3TransferManager(service.Client()).UploadAsync("bucket", "key", new NonSeekableStream(Data(20 * MiB)), cancellationToken: caller.Token);

        await upload.Should().ThrowAsync<OperationCanceledException>();
        service.Requests.Select(r => r.Method.Method + " " + r.RequestUri!.Query).Should().Equal("POST ?uploads", $"DELETE ?uploadId={UploadId}");
    }

    [Fact]
    public async Task A_cancellation_before_the_upload_starts_sends_nothing()
    {
        var service = Service();

        var upload = () => new S3TransferManager(service.Client()).UploadAsync(
            "bucket", "key", new NonSeekableStream(Data(20 * MiB)), cancellationToken: new CancellationToken(canceled: true));

        await upload.Should().ThrowAsync<OperationCanceledException>();
        service.Requests.Should().BeEmpty();
    }

    private static byte[] Data(int length) => Enumerable.Range(0, length).Select(i => (byte)(i % 253)).ToArray();

    private ScriptedService Service(Func<CancellationToken, Task>? onCreate = null) => new(async (request, token) =>
    {
        var query = request.RequestUri!.Query;
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(token);
        switch (request.Method.Method)
        {
            case "POST" when query == "?uploads":
                if (onCreate is not null)
                {
                    await onCreate(token);
                }

                return Xml($"<InitiateMultipartUploadResult><UploadId>{UploadId}</UploadId></InitiateMultipartUploadResult>");
            case "PUT" when query.StartsWith("?partNumber=", StringComparison.Ordinal):
                var number = query.Split('&')[0]["?partNumber=".Length..];
                _bodies["PUT part " + number] = body;
                return new HttpResponseMessage(HttpStatusCode.OK) { Headers = { ETag = new($"\"etag-{number}\"") } };
            case "PUT":
                _bodies["PUT " + request.RequestUri.AbsolutePath] = body;
                return new HttpResponseMessage(HttpStatusCode.OK) { Headers = { ETag = new("\"etag\"") } };
            case "POST":
                return Xml("<CompleteMultipartUploadResult><ETag>\"etag-2\"</ETag></CompleteMultipartUploadResult>");
            default:
                return new HttpResponseMessage(HttpStatusCode.NoContent);
        }
    });

    private static HttpResponseMessage Xml(string xml) => new(HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(xml)) };

    private sealed class Recorder : IProgress<TransferProgress>
    {
        public List<TransferProgress> Reports { get; } = [];

        public void Report(TransferProgress value)
        {
            lock (Reports)
            {
                Reports.Add(value);
            }
        }
    }
}
