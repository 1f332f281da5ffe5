using System.Text;
using S3Client.FaultInjection.Internal;
using S3Client.FaultInjection.Tests.TestSupport;

namespace S3Client.FaultInjection.Tests;

/// <summary>Where bodies end, judged from bytes that may arrive in any split.</summary>
public class BodyFramingTests
{
    private const string Chunked = "5;name=value\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nx-amz-checksum-crc32: AAAAAA==\r\n\r\n";

    [Fact]
    public void A_chunked_body_split_at_any_point_yields_its_payload_and_ends_at_the_last_chunk()
    {
        var framing = Encoding.ASCII.GetBytes(Chunked);
        var input = framing.Concat("NEXT"u8.ToArray()).ToArray();
        for (var split = 0; split <= input.Length; split++)
        {
            var body = BodyFramer.Chunked();
            using var digest = new BodyDigest();

            var first = body.Consume(input.AsSpan(0, split), digest);
            var second = body.IsComplete ? 0 : body.Consume(input.AsSpan(first), digest);

            body.IsComplete.Should().BeTrue($"split at {split}");
            (first + second).Should().Be(framing.Length, $"split at {split}");
            digest.Length.Should().Be(31);
            digest.Sha256().Should().Be(TestHttp.Sha256("helloabcdefghijklmnopqrstuvwxyz"u8.ToArray()));
        }
    }

    [Fact]
    public void A_chunked_body_fed_a_byte_at_a_time_ends_at_the_last_chunk()
    {
        var input = Encoding.ASCII.GetBytes(Chunked);
        var body = BodyFramer.Chunked();
        var consumed = 0;

        for (var i = 0; i < input.Length; i++)
        {
            body.IsComplete.Should().BeFalse($"at byte {i}");
            consumed += body.Consume(input.AsSpan(i, 1), null);
        }

        body.IsComplete.Should().BeTrue();
        consumed.Should().Be(input.Length);
    }

    [Theory]
    [InlineData("x\r\n")]
    [InlineData("\r\n")]
    [InlineData("5\r\nhelloX")]
    [InlineData("5\n")]
    [InlineData("fffffffffffffffff\r\n")]
    public void Malformed_chunked_framing_is_refused(string input)
    {
        var body = BodyFramer.Chunked();

        body.Invoking(b => b.Consume(Encoding.ASCII.GetBytes(input), null)).Should().Throw<InvalidDataException>();
    }

    [Theory]
    [InlineData("HEAD", 200)]
    [InlineData("GET", 204)]
    [InlineData("GET", 304)]
    public void Responses_that_cannot_have_a_body_are_complete_at_once(string method, int status)
    {
        var headers = new HeaderList([new("Content-Length", "12345")]);

        BodyFramer.ForResponse(method, status, headers).IsComplete.Should().BeTrue();
    }

    [Fact]
    public void A_Content_Length_body_takes_exactly_its_length()
    {
        var body = BodyFramer.ContentLength(5);

        var taken = body.Consume("hello world"u8, null);

        taken.Should().Be(5);
        body.IsComplete.Should().BeTrue();
    }

    [Fact]
    public void A_response_without_length_ends_only_when_the_sender_closes()
    {
        var body = BodyFramer.ForResponse("GET", 200, new HeaderList([]));

        body.Consume(new byte[1000], null).Should().Be(1000);
        body.IsComplete.Should().BeFalse();
        body.EndsAtClose.Should().BeTrue();
    }
}
