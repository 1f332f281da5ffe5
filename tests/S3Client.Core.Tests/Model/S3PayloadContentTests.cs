using S3Client.Core.Tests.TestSupport;
using S3Client.Model.Internal;

namespace S3Client.Core.Tests.Model;

public class S3PayloadContentTests
{
    [Fact]
    public async Task A_seekable_stream_is_sent_from_its_start_position_on_every_send()
    {
        using var source = new MemoryStream([1, 2, 3, 4, 5]) { Position = 2 };
        using var content = S3PayloadContent.FromStream(source, null);

        var first = await Send(content);
        var second = await Send(content);

        first.Should().Equal(3, 4, 5);
        second.Should().Equal(3, 4, 5);
        content.IsReplayable.Should().BeTrue();
    }

    [Fact]
    public async Task A_non_seekable_stream_is_sent_once_and_refuses_a_second_send()
    {
        using var content = S3PayloadContent.FromStream(new NonSeekableStream([1, 2, 3]), 3);

        (await Send(content)).Should().Equal(1, 2, 3);
        var again = () => Send(content);

        content.IsReplayable.Should().BeFalse();
        await again.Should().ThrowAsync<InvalidOperationException>().WithMessage("*already sent*");
    }

    [Fact]
    public async Task A_source_shorter_than_its_declared_length_fails_instead_of_sending_a_short_body()
    {
        using var content = S3PayloadContent.FromStream(new NonSeekableStream([1, 2, 3]), 10);

        var act = () => Send(content);

        var thrown = await act.Should().ThrowAsync<Exception>();
        (thrown.Which as IOException ?? thrown.Which.InnerException as IOException).Should().NotBeNull()
            .And.Subject.As<IOException>().Message.Should().Contain("ended after 3 of its 10 bytes");
    }

    [Fact]
    public void A_non_seekable_stream_without_length_is_rejected_with_a_pointer_to_UploadAsync()
    {
        var act = () => S3PayloadContent.FromStream(new NonSeekableStream([1]), null);

        act.Should().Throw<ArgumentException>().WithMessage("*ContentLength*UploadAsync*");
    }

    [Fact]
    public void A_declared_length_beyond_a_seekable_stream_is_rejected()
    {
        var act = () => S3PayloadContent.FromStream(new MemoryStream(new byte[4]), 5);

        act.Should().Throw<ArgumentException>().WithMessage("*larger than the 4 bytes*");
    }

    private static async Task<byte[]> Send(HttpContent content)
    {
        using var sink = new MemoryStream();
        await content.CopyToAsync(sink);
        return sink.ToArray();
    }
}
