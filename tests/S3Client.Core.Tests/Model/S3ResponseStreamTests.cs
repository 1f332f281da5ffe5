using System.Net;
using S3Client.Model.Internal;

namespace S3Client.Core.Tests.Model;

public class S3ResponseStreamTests
{
    [Fact]
    public async Task A_body_shorter_than_its_content_length_fails_at_the_end()
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK);
        await using var stream = new S3ResponseStream(response, new MemoryStream(new byte[60]), expectedLength: 100);

        var act = () => stream.CopyToAsync(Stream.Null);

        await act.Should().ThrowAsync<IOException>().WithMessage("*ended after 60 of 100 bytes*truncated*");
    }

    [Fact]
    public async Task A_complete_body_reads_to_the_end()
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK);
        await using var stream = new S3ResponseStream(response, new MemoryStream(new byte[100]), expectedLength: 100);
        using var sink = new MemoryStream();

        await stream.CopyToAsync(sink);

        sink.Length.Should().Be(100);
        stream.Position.Should().Be(100);
    }

    [Fact]
    public void Disposing_the_stream_releases_the_response()
    {
        var content = new ByteArrayContent([1]);
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        var stream = new S3ResponseStream(response, new MemoryStream([1]), 1);

        stream.Dispose();

        var act = () => content.ReadAsStream();
        act.Should().Throw<ObjectDisposedException>();
    }
}
