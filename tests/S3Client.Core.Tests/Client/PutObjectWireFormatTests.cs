using System.Security.Cryptography;
using System.Text;
using S3Client.Core.Tests.TestSupport;
using WireMock.ResponseBuilders;

namespace S3Client.Core.Tests.Client;

[Collection(WireFormatCollection.Name)]
public sealed class PutObjectWireFormatTests : IClassFixture<WireMockS3>
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("Welcome to Amazon S3.\n\0\xff binary too");

    private readonly WireMockS3 _s3;

    public PutObjectWireFormatTests(WireMockS3 s3)
    {
        _s3 = s3;
        _s3.Reset();
    }

    [Fact]
    public async Task Put_sends_a_path_style_PUT_signed_at_the_fixed_time()
    {
        _s3.RespondWithStatus(200);

        await _s3.Client.PutObjectAsync("bucket", "photos/cat.jpg", new MemoryStream(Body));

        var request = _s3.SingleRequest;
        request.Method.Should().Be("PUT");
        request.RawTarget().Should().Be("/bucket/photos/cat.jpg");
        request.ShouldBeSignedAtTheFixedTime();
    }

    [Fact]
    public async Task Put_sends_the_body_of_a_memory_stream_and_its_sha256()
    {
        _s3.RespondWithStatus(200);

        await _s3.Client.PutObjectAsync("bucket", "key", new MemoryStream(Body));

        var request = _s3.SingleRequest;
        request.Body().Should().Equal(Body);
        request.Header("Content-Length").Should().Be(Body.Length.ToString());
        request.Header("x-amz-content-sha256").Should().Be(Convert.ToHexStringLower(SHA256.HashData(Body)));
    }

    [Fact]
    public async Task Put_sends_the_content_type_metadata_cache_control_and_storage_class_headers_and_signs_them()
    {
        _s3.RespondWithStatus(200);
        var options = new PutObjectOptions
        {
            ContentType = "text/plain; charset=utf-8",
            CacheControl = "max-age=60, public",
            ContentDisposition = "attachment; filename=\"cat.txt\"",
            ContentEncoding = "identity",
            StorageClass = "STANDARD_IA",
            Metadata = { ["color"] = "blue", ["Owner-Id"] = "42" },
        };

        await _s3.Client.PutObjectAsync("bucket", "key", new MemoryStream(Body), options);

        var request = _s3.SingleRequest;
        request.Header("Content-Type").Should().Be("text/plain; charset=utf-8");
        request.Header("Cache-Control").Should().Be("max-age=60, public");
        request.Header("Content-Disposition").Should().Be("attachment; filename=\"cat.txt\"");
        request.Header("Content-Encoding").Should().Be("identity");
        request.Header("x-amz-storage-class").Should().Be("STANDARD_IA");
        request.Header("x-amz-meta-color").Should().Be("blue");
        request.Header("x-amz-meta-owner-id").Should().Be("42");
        request.SignedHeaders().Should().Contain(["content-type", "x-amz-meta-color", "x-amz-meta-owner-id", "x-amz-storage-class"]);
        request.ShouldBeSignedAtTheFixedTime();
    }

    [Fact]
    public async Task Put_sends_a_non_seekable_stream_as_UNSIGNED_PAYLOAD_with_its_ContentLength()
    {
        _s3.RespondWithStatus(200);

        await _s3.Client.PutObjectAsync("bucket", "key", new NonSeekableStream(Body), new PutObjectOptions { ContentLength = Body.Length });

        var request = _s3.SingleRequest;
        request.Header("x-amz-content-sha256").Should().Be("UNSIGNED-PAYLOAD");
        request.Header("Content-Length").Should().Be(Body.Length.ToString());
        request.Body().Should().Equal(Body);
        request.ShouldBeSignedAtTheFixedTime();
    }

    [Fact]
    public async Task Put_sends_only_ContentLength_bytes_of_a_longer_non_seekable_stream()
    {
        _s3.RespondWithStatus(200);

        await _s3.Client.PutObjectAsync("bucket", "key", new NonSeekableStream(Body), new PutObjectOptions { ContentLength = 7 });

        _s3.SingleRequest.Body().Should().Equal(Body[..7]);
    }

    [Fact]
    public async Task Put_sends_a_seekable_stream_from_its_current_position_and_hashes_those_bytes()
    {
        _s3.RespondWithStatus(200);
        var stream = new MemoryStream(Body) { Position = 8 };

        await _s3.Client.PutObjectAsync("bucket", "key", stream);

        var request = _s3.SingleRequest;
        request.Body().Should().Equal(Body[8..]);
        request.Header("x-amz-content-sha256").Should().Be(Convert.ToHexStringLower(SHA256.HashData(Body.AsSpan(8))));
    }

    [Fact]
    public async Task Put_sends_only_ContentLength_bytes_of_a_seekable_stream_and_hashes_those_bytes()
    {
        _s3.RespondWithStatus(200);

        await _s3.Client.PutObjectAsync("bucket", "key", new MemoryStream(Body), new PutObjectOptions { ContentLength = 7 });

        var request = _s3.SingleRequest;
        request.Body().Should().Equal(Body[..7]);
        request.Header("x-amz-content-sha256").Should().Be(Convert.ToHexStringLower(SHA256.HashData(Body.AsSpan(0, 7))));
    }

    [Fact]
    public async Task Put_of_an_empty_stream_sends_no_bytes_and_the_empty_payload_hash()
    {
        _s3.RespondWithStatus(200);

        await _s3.Client.PutObjectAsync("bucket", "empty", new MemoryStream());

        var request = _s3.SingleRequest;
        request.Body().Should().BeEmpty();
        request.Header("Content-Length").Should().Be("0");
        request.Header("x-amz-content-sha256").Should().Be(WireMockS3.EmptyPayloadHash);
        request.ShouldBeSignedAtTheFixedTime();
    }

    [Fact]
    public async Task Put_with_UnsignedPayload_signing_sends_UNSIGNED_PAYLOAD_for_a_seekable_stream()
    {
        _s3.RespondWithStatus(200);
        var client = _s3.CreateClient(payloadSigning: S3PayloadSigning.UnsignedPayload);

        await client.PutObjectAsync("bucket", "key", new MemoryStream(Body));

        var request = _s3.SingleRequest;
        request.Header("x-amz-content-sha256").Should().Be("UNSIGNED-PAYLOAD");
        request.Body().Should().Equal(Body);
        request.ShouldBeSignedAtTheFixedTime();
    }

    [Fact]
    public async Task Put_returns_the_ETag_and_version_id_of_the_response()
    {
        _s3.RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("ETag", "\"6805f2cfc46c0f04559748bb039d69ae\"")
            .WithHeader("x-amz-version-id", "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY"));

        var result = await _s3.Client.PutObjectAsync("bucket", "key", new MemoryStream(Body));

        result.ETag.Should().Be("\"6805f2cfc46c0f04559748bb039d69ae\"");
        result.VersionId.Should().Be("3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY");
    }

    [Theory]
    [MemberData(nameof(ObjectKeys.Encodings), MemberType = typeof(ObjectKeys))]
    public async Task Put_sends_the_key_encoded_once_and_never_normalised(string key, string expectedPath)
    {
        _s3.RespondWithStatus(200);

        await _s3.Client.PutObjectAsync("bucket", key, new MemoryStream(Body));

        var request = _s3.SingleRequest;
        request.RawTarget().Should().Be(expectedPath);
        request.ShouldBeSignedAtTheFixedTime();
    }

    [Fact]
    public async Task Put_accepts_a_key_of_exactly_1024_UTF8_bytes()
    {
        _s3.RespondWithStatus(200);

        await _s3.Client.PutObjectAsync("bucket", new string('é', 512), new MemoryStream(Body));

        _s3.SingleRequest.RawPath().Should().Be("/bucket/" + string.Concat(Enumerable.Repeat("%C3%A9", 512)));
    }

    [Theory]
    [MemberData(nameof(InvalidInput.BucketNames), MemberType = typeof(InvalidInput))]
    public async Task Put_with_an_invalid_bucket_name_throws_before_sending(string bucket)
    {
        _s3.RespondWithStatus(200);

        var put = () => _s3.Client.PutObjectAsync(bucket, "key", new MemoryStream(Body));

        await put.Should().ThrowAsync<ArgumentException>().WithParameterName("bucket");
        _s3.Requests.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(InvalidInput.KeyCases), MemberType = typeof(InvalidInput))]
    public async Task Put_with_an_invalid_key_throws_before_sending(string keyCase)
    {
        _s3.RespondWithStatus(200);

        var put = () => _s3.Client.PutObjectAsync("bucket", InvalidInput.Key(keyCase), new MemoryStream(Body));

        await put.Should().ThrowAsync<ArgumentException>().WithParameterName("key");
        _s3.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("blue\r\nx-amz-acl: public-read")]
    [InlineData("line\nbreak")]
    [InlineData("café")]
    public async Task Put_with_an_unsafe_metadata_value_throws_before_sending(string value)
    {
        _s3.RespondWithStatus(200);
        var options = new PutObjectOptions { Metadata = { ["color"] = value } };

        var put = () => _s3.Client.PutObjectAsync("bucket", "key", new MemoryStream(Body), options);

        await put.Should().ThrowAsync<ArgumentException>().WithMessage("*x-amz-meta-color*");
        _s3.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("colon:name")]
    public async Task Put_with_a_metadata_name_that_is_not_an_HTTP_token_throws_before_sending(string name)
    {
        _s3.RespondWithStatus(200);
        var options = new PutObjectOptions { Metadata = { [name] = "value" } };

        var put = () => _s3.Client.PutObjectAsync("bucket", "key", new MemoryStream(Body), options);

        await put.Should().ThrowAsync<ArgumentException>();
        _s3.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Put_with_a_line_feed_in_the_content_type_throws_before_sending()
    {
        _s3.RespondWithStatus(200);
        var options = new PutObjectOptions { ContentType = "text/plain\nx-amz-acl: public-read" };

        var put = () => _s3.Client.PutObjectAsync("bucket", "key", new MemoryStream(Body), options);

        await put.Should().ThrowAsync<ArgumentException>().WithMessage("*Content-Type*");
        _s3.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Put_of_a_non_seekable_stream_without_ContentLength_throws_before_sending()
    {
        _s3.RespondWithStatus(200);

        var put = () => _s3.Client.PutObjectAsync("bucket", "key", new NonSeekableStream(Body));

        await put.Should().ThrowAsync<ArgumentException>().WithMessage("*ContentLength*");
        _s3.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Put_with_a_ContentLength_beyond_the_end_of_a_seekable_stream_throws_before_sending()
    {
        _s3.RespondWithStatus(200);
        var options = new PutObjectOptions { ContentLength = Body.Length + 1 };

        var put = () => _s3.Client.PutObjectAsync("bucket", "key", new MemoryStream(Body), options);

        await put.Should().ThrowAsync<ArgumentException>();
        _s3.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Put_with_a_negative_ContentLength_throws_before_sending(bool seekable)
    {
        _s3.RespondWithStatus(200);
        Stream content = seekable ? new MemoryStream(Body) : new NonSeekableStream(Body);

        var put = () => _s3.Client.PutObjectAsync("bucket", "key", content, new PutObjectOptions { ContentLength = -1 });

        await put.Should().ThrowAsync<ArgumentException>();
        _s3.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Put_of_a_non_seekable_stream_shorter_than_its_ContentLength_fails_instead_of_storing_a_short_object()
    {
        _s3.RespondWithStatus(200);
        var options = new PutObjectOptions { ContentLength = Body.Length + 100 };

        var put = () => _s3.Client.PutObjectAsync("bucket", "key", new NonSeekableStream(Body), options);

        var thrown = await put.Should().ThrowAsync<Exception>();
        thrown.Which.Should().Match<Exception>(e => e is IOException || e.InnerException is IOException);
    }
}
