using System.Text;

namespace S3Client.Core.Tests.Client;

/// <summary>
/// GetObject with a Range returns the range or fails: a 200 with the whole object (a proxy that dropped the Range header)
/// or a 206 for other bytes is an error, never data returned as if it were the range.
/// </summary>
[Collection(WireFormatCollection.Name)]
public sealed class RangedGetTrustTests : IClassFixture<WireMockS3>
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("0123456789 the object bytes");

    private static readonly Dictionary<string, S3ByteRange> Ranges = new()
    {
        ["Between(0, 9)"] = S3ByteRange.Between(0, 9),
        ["Between(20, 99)"] = S3ByteRange.Between(20, 99),
        ["StartingAt(5)"] = S3ByteRange.StartingAt(5),
        ["LastBytes(5)"] = S3ByteRange.LastBytes(5),
        ["LastBytes(100)"] = S3ByteRange.LastBytes(100),
    };

    private readonly WireMockS3 _s3;

    public RangedGetTrustTests(WireMockS3 s3)
    {
        _s3 = s3;
        _s3.Reset();
    }

    [Theory]
    [InlineData("Between(0, 9)", 0, 9)]
    [InlineData("Between(20, 99)", 20, 26)]
    [InlineData("StartingAt(5)", 5, 26)]
    [InlineData("LastBytes(5)", 22, 26)]
    [InlineData("LastBytes(100)", 0, 26)]
    public async Task The_range_S3_sends_for_each_kind_of_range_is_returned(string rangeCase, int first, int last)
    {
        _s3.RespondWithBody(206, Body[first..(last + 1)], ("Content-Range", $"bytes {first}-{last}/27"));

        using var result = await _s3.Client.GetObjectAsync("bucket", "key", new GetObjectOptions { Range = Ranges[rangeCase] });

        var read = new MemoryStream();
        await result.Content.CopyToAsync(read);
        read.ToArray().Should().Equal(Body[first..(last + 1)]);
        result.ContentRange.Should().Be($"bytes {first}-{last}/27");
    }

    [Theory]
    [InlineData("Between(0, 9)")]
    [InlineData("StartingAt(5)")]
    [InlineData("LastBytes(5)")]
    public async Task A_200_with_the_whole_object_is_an_error_not_the_range(string rangeCase)
    {
        _s3.RespondWithBody(200, Body);

        var get = () => _s3.Client.GetObjectAsync("bucket", "key", new GetObjectOptions { Range = Ranges[rangeCase] });

        await get.Should().ThrowAsync<InvalidDataException>().WithMessage("*a 200, not a 206*ignored the Range*");
    }

    [Theory]
    [InlineData("Between(0, 9)", "bytes 10-19/27")]
    [InlineData("Between(0, 9)", "bytes 0-4/27")]
    [InlineData("StartingAt(5)", "bytes 5-9/27")]
    [InlineData("StartingAt(5)", "bytes 0-26/27")]
    [InlineData("LastBytes(5)", "bytes 0-4/27")]
    [InlineData("LastBytes(5)", "bytes 21-25/27")]
    [InlineData("Between(20, 99)", "bytes 20-26/99")]
    public async Task A_206_for_other_bytes_is_an_error(string rangeCase, string contentRange)
    {
        var parts = contentRange[6..].Split('-', '/');
        var length = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) - int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) + 1;
        _s3.RespondWithBody(206, Body[..length], ("Content-Range", contentRange));

        var get = () => _s3.Client.GetObjectAsync("bucket", "key", new GetObjectOptions { Range = Ranges[rangeCase] });

        await get.Should().ThrowAsync<InvalidDataException>().WithMessage($"*is for bytes*should have given bytes*");
    }

    [Theory]
    [InlineData("bytes 0-9/*")]
    [InlineData("bytes 0-9")]
    [InlineData("bytes 9-0/27")]
    [InlineData("bytes 0-9/5")]
    [InlineData("bytes -0-9/27")]
    [InlineData("items 0-9/27")]
    [InlineData("bytes 0-0x9/27")]
    public async Task A_206_with_a_Content_Range_that_does_not_parse_is_an_error(string contentRange)
    {
        _s3.RespondWithBody(206, Body[..10], ("Content-Range", contentRange));

        var get = () => _s3.Client.GetObjectAsync("bucket", "key", new GetObjectOptions { Range = S3ByteRange.Between(0, 9) });

        await get.Should().ThrowAsync<InvalidDataException>().WithMessage("*Content-Range*");
    }

    [Fact]
    public async Task A_206_without_a_Content_Range_is_an_error()
    {
        _s3.RespondWithBody(206, Body[..10]);

        var get = () => _s3.Client.GetObjectAsync("bucket", "key", new GetObjectOptions { Range = S3ByteRange.Between(0, 9) });

        await get.Should().ThrowAsync<InvalidDataException>().WithMessage("*has no Content-Range*");
    }

    [Fact]
    public async Task A_206_whose_Content_Length_disagrees_with_its_Content_Range_is_an_error()
    {
        _s3.RespondWithBody(206, Body[..8], ("Content-Range", "bytes 0-9/27"));

        var get = () => _s3.Client.GetObjectAsync("bucket", "key", new GetObjectOptions { Range = S3ByteRange.Between(0, 9) });

        await get.Should().ThrowAsync<InvalidDataException>().WithMessage("*announces 8 bytes instead of 10*");
    }

    [Fact]
    public async Task A_206_with_two_Content_Range_headers_is_an_error()
    {
        _s3.RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(206).WithBody(Body[..10])
            .WithHeader(WireMockS3.ContentLengthHeader, "10")
            .WithHeader("Content-Range", "bytes 0-9/27", "bytes 10-19/27"));

        var get = () => _s3.Client.GetObjectAsync("bucket", "key", new GetObjectOptions { Range = S3ByteRange.Between(0, 9) });

        await get.Should().ThrowAsync<InvalidDataException>().WithMessage("*Content-Range*more than once*");
    }

    [Fact]
    public async Task An_empty_200_to_a_range_request_is_an_empty_object_not_an_error()
    {
        _s3.RespondWithBody(200, []);

        using var result = await _s3.Client.GetObjectAsync("bucket", "key", new GetObjectOptions { Range = S3ByteRange.Between(0, 9) });

        result.ContentLength.Should().Be(0);
        result.ContentRange.Should().BeNull();
        (await result.Content.ReadAsync(new byte[1])).Should().Be(0);
    }

    [Fact]
    public async Task A_206_to_a_request_for_the_whole_object_is_an_error()
    {
        _s3.RespondWithBody(206, Body[..10], ("Content-Range", "bytes 0-9/27"));

        var get = () => _s3.Client.GetObjectAsync("bucket", "key");

        await get.Should().ThrowAsync<InvalidDataException>().WithMessage("*whole object*206*");
    }

    [Theory]
    [InlineData("\"v1\"", "\"v2\"")]
    [InlineData("v1", "\"v2\"")]
    public async Task An_answer_for_another_entity_tag_than_If_Match_named_is_an_error(string ifMatch, string answered)
    {
        _s3.RespondWithBody(200, Body, ("ETag", answered));

        var get = () => _s3.Client.GetObjectAsync("bucket", "key", new GetObjectOptions { IfMatch = ifMatch });

        await get.Should().ThrowAsync<InvalidDataException>().WithMessage("*If-Match*condition was ignored*");
    }

    [Theory]
    [InlineData("\"v1\"")]
    [InlineData("v1")]
    [InlineData("*")]
    public async Task An_answer_for_the_entity_tag_If_Match_named_is_returned(string ifMatch)
    {
        _s3.RespondWithBody(200, Body, ("ETag", "\"v1\""));

        using var result = await _s3.Client.GetObjectAsync("bucket", "key", new GetObjectOptions { IfMatch = ifMatch });

        result.ETag.Should().Be("\"v1\"");
    }

    [Fact]
    public async Task A_default_range_is_refused_before_any_request()
    {
        _s3.RespondWithBody(200, Body);

        var get = () => _s3.Client.GetObjectAsync("bucket", "key", new GetObjectOptions { Range = default(S3ByteRange) });

        await get.Should().ThrowAsync<ArgumentException>().WithParameterName("options").WithMessage("*default(S3ByteRange)*");
        _s3.Requests.Should().BeEmpty();
    }
}
