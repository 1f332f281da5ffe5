using System.Globalization;
using System.Text;
using S3Client.Core.Tests.TestSupport;

namespace S3Client.Core.Tests.Model;

/// <summary>
/// Headers the client turns into values must parse: a Content-Length of <c>abc</c>, a date that is not a date, an ETag
/// sent twice are errors, never a plausible default such as a length of 0.
/// </summary>
public class LyingHeaderTests
{
    private const string Etag = "ETag: \"6805f2cfc46c0f04559748bb039d69ae\"";

    [Theory]
    [InlineData("Content-Length: abc")]
    [InlineData("Content-Length: -1")]
    [InlineData("Content-Length: +5")]
    [InlineData("Content-Length: 0x10")]
    [InlineData("Content-Length: 99999999999999999999999")]
    [InlineData(null)]
    public async Task Head_with_a_missing_or_unparsable_Content_Length_is_an_error_not_zero(string? lengthHeader)
    {
        await using var server = new RawHttpServer(_ => RawHttpServer.Answer("200 OK", lengthHeader is null ? [Etag] : [Etag, lengthHeader]));

        var head = () => server.Client().HeadObjectAsync("bucket", "key");

        await head.Should().ThrowAsync<InvalidDataException>().WithMessage("*Content-Length*");
    }

    [Fact]
    public async Task Head_with_a_valid_Content_Length_reports_it()
    {
        await using var server = new RawHttpServer(_ => RawHttpServer.Answer("200 OK", [Etag, "Content-Length: 1234", "Last-Modified: Wed, 21 Oct 2015 07:28:00 GMT"]));

        var metadata = await server.Client().HeadObjectAsync("bucket", "key");

        metadata.ContentLength.Should().Be(1234);
        metadata.LastModified.Should().Be(new DateTimeOffset(2015, 10, 21, 7, 28, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("Last-Modified: yesterday", "Last-Modified")]
    [InlineData("Last-Modified: 2015-13-45", "Last-Modified")]
    [InlineData("ETag: \"abc", "ETag")]
    [InlineData("ETag: \"a\"b\"", "ETag")]
    [InlineData("ETag: a b", "ETag")]
    [InlineData("x-amz-version-id: v1\r\nx-amz-version-id: v2", "x-amz-version-id")]
    [InlineData("x-amz-storage-class: STANDARD\r\nx-amz-storage-class: GLACIER", "x-amz-storage-class")]
    public async Task Head_with_an_unparsable_or_repeated_header_is_an_error(string header, string name)
    {
        await using var server = new RawHttpServer(_ => RawHttpServer.Answer("200 OK", ["Content-Length: 5", header]));

        var head = () => server.Client().HeadObjectAsync("bucket", "key");

        await head.Should().ThrowAsync<InvalidDataException>().WithMessage($"*{name}*");
    }

    [Fact]
    public async Task Head_with_two_ETags_is_an_error_not_the_two_joined()
    {
        await using var server = new RawHttpServer(_ => RawHttpServer.Answer("200 OK", ["Content-Length: 5", "ETag: \"aaa\"", "ETag: \"bbb\""]));

        var head = () => server.Client().HeadObjectAsync("bucket", "key");

        await head.Should().ThrowAsync<InvalidDataException>().WithMessage("*ETag*more than once*");
    }

    [Theory]
    [InlineData("\"abc\"", "\"abc\"")]
    [InlineData("W/\"abc\"", "W/\"abc\"")]
    [InlineData("abc-3", "\"abc-3\"")]
    public async Task Head_reads_an_ETag_in_its_quoted_form(string sent, string expected)
    {
        await using var server = new RawHttpServer(_ => RawHttpServer.Answer("200 OK", ["Content-Length: 5", "ETag: " + sent]));

        var metadata = await server.Client().HeadObjectAsync("bucket", "key");

        metadata.ETag.Should().Be(expected);
    }

    [Theory]
    [InlineData("Content-Length: abc")]
    [InlineData("Content-Length: -1")]
    public async Task Get_with_an_unparsable_Content_Length_is_an_error(string lengthHeader)
    {
        await using var server = new RawHttpServer(_ => RawHttpServer.Answer("200 OK", [Etag, lengthHeader], "abc"u8.ToArray()));

        var get = () => server.Client().GetObjectAsync("bucket", "key");

        await get.Should().ThrowAsync<InvalidDataException>().WithMessage("*Content-Length*");
    }

    [Fact]
    public async Task Get_with_an_unparsable_Last_Modified_is_an_error()
    {
        await using var server = new RawHttpServer(_ => RawHttpServer.Answer("200 OK", ["Content-Length: 3", "Last-Modified: not a date"], "abc"u8.ToArray()));

        var get = () => server.Client().GetObjectAsync("bucket", "key");

        await get.Should().ThrowAsync<InvalidDataException>().WithMessage("*Last-Modified*");
    }

    [Fact]
    public async Task A_listed_key_whose_raw_bytes_are_not_UTF8_is_an_error_not_U_FFFD()
    {
        byte[] xml = [.. "<ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key>a"u8, 0xFF, 0xFE, .. "</Key><Size>1</Size></Contents></ListBucketResult>"u8];
        await using var server = new RawHttpServer(_ => Xml(xml));

        var list = () => server.Client().ListObjectsAsync("bucket").ToListAsync().AsTask();

        await list.Should().ThrowAsync<InvalidDataException>().WithMessage("*not valid UTF-8*");
    }

    [Theory]
    [InlineData("a%FF%FE")]
    [InlineData("a%C3")]
    [InlineData("%ED%A0%80")]
    public async Task A_url_encoded_listed_key_that_decodes_to_invalid_UTF8_is_an_error(string encodedKey)
    {
        var xml = Encoding.UTF8.GetBytes(
            $"<ListBucketResult><EncodingType>url</EncodingType><IsTruncated>false</IsTruncated><Contents><Key>{encodedKey}</Key><Size>1</Size></Contents></ListBucketResult>");
        await using var server = new RawHttpServer(_ => Xml(xml));

        var list = () => server.Client().ListObjectsAsync("bucket").ToListAsync().AsTask();

        await list.Should().ThrowAsync<InvalidDataException>().WithMessage("*not valid UTF-8*");
    }

    [Fact]
    public async Task A_version_key_whose_raw_bytes_are_not_UTF8_is_an_error_not_U_FFFD()
    {
        byte[] xml = [.. "<ListVersionsResult><IsTruncated>false</IsTruncated><Version><Key>a"u8, 0xFF, 0xFE, .. "</Key><VersionId>1</VersionId></Version></ListVersionsResult>"u8];
        await using var server = new RawHttpServer(_ => Xml(xml));

        var list = () => server.Client().ListObjectVersionsAsync("bucket").ToListAsync().AsTask();

        // The listings read with XmlReader refuse the document itself, before any key is made of it.
        await list.Should().ThrowAsync<System.Xml.XmlException>().WithMessage("*Invalid character in the given encoding*");
    }

    [Fact]
    public async Task A_url_encoded_version_key_that_decodes_to_invalid_UTF8_is_an_error()
    {
        var xml = Encoding.UTF8.GetBytes(
            "<ListVersionsResult><EncodingType>url</EncodingType><IsTruncated>false</IsTruncated><Version><Key>a%FF%FE</Key><VersionId>1</VersionId><IsLatest>true</IsLatest><Size>1</Size></Version></ListVersionsResult>");
        await using var server = new RawHttpServer(_ => Xml(xml));

        var list = () => server.Client().ListObjectVersionsAsync("bucket").ToListAsync().AsTask();

        await list.Should().ThrowAsync<InvalidDataException>().WithMessage("*not valid UTF-8*");
    }

    [Fact]
    public async Task A_url_encoded_key_that_decodes_to_valid_UTF8_is_decoded()
    {
        var xml = Encoding.UTF8.GetBytes(
            "<ListBucketResult><EncodingType>url</EncodingType><IsTruncated>false</IsTruncated><Contents><Key>caf%C3%A9+%E2%82%AC</Key><Size>1</Size></Contents></ListBucketResult>");
        await using var server = new RawHttpServer(_ => Xml(xml));

        var objects = await server.Client().ListObjectsAsync("bucket").ToListAsync();

        objects.Should().ContainSingle().Which.Key.Should().Be("café €");
    }

    [Theory]
    [InlineData("<IsLatest>yes</IsLatest>")]
    [InlineData("<IsLatest>true</IsLatest><Size>1.5</Size>")]
    public async Task A_version_listing_field_that_does_not_parse_is_an_error(string fields)
    {
        var xml = Encoding.UTF8.GetBytes(
            $"<ListVersionsResult><IsTruncated>false</IsTruncated><Version><Key>a</Key><VersionId>1</VersionId>{fields}</Version></ListVersionsResult>");
        await using var server = new RawHttpServer(_ => Xml(xml));

        var list = () => server.Client().ListObjectVersionsAsync("bucket").ToListAsync().AsTask();

        await list.Should().ThrowAsync<Exception>().Where(e => e is InvalidDataException || e is FormatException);
    }

    private static byte[] Xml(byte[] body) => RawHttpServer.Answer(
        "200 OK", ["Content-Type: application/xml", "Content-Length: " + body.Length.ToString(CultureInfo.InvariantCulture)], body);
}
