using System.Net;
using S3Client.IntegrationTests.Servers;
using S3Client.IntegrationTests.TestSupport;

namespace S3Client.IntegrationTests;

/// <summary>Real error answers map to the documented exceptions and codes.</summary>
public class ErrorConformanceTests
{
    [Theory]
    [MemberData(nameof(S3TestServers.WithAuthentication), MemberType = typeof(S3TestServers))]
    public async Task A_wrong_secret_is_SignatureDoesNotMatch(string server)
    {
        var config = S3TestServers.Get(server);
        using var client = config.CreateClient(o => o.SecretAccessKey = "not-the-secret");

        var act = () => client.HeadObjectAsync("some-bucket", "key");
        var put = () => client.PutObjectAsync("some-bucket", "key", new MemoryStream([1]));

        await act.Should().ThrowAsync<S3AccessDeniedException>();
        var thrown = await put.Should().ThrowAsync<S3AccessDeniedException>();
        thrown.Which.ErrorCode.Should().Be("SignatureDoesNotMatch");
        thrown.Which.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        thrown.Which.Message.Should().NotContain("not-the-secret");
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithUnknownKeyCode), MemberType = typeof(S3TestServers))]
    public async Task An_unknown_access_key_is_InvalidAccessKeyId(string server)
    {
        using var client = S3TestServers.Get(server).CreateClient(o => o.AccessKeyId = "AKIDUNKNOWN00000");

        var act = () => client.PutObjectAsync("some-bucket", "key", new MemoryStream([1]));

        (await act.Should().ThrowAsync<S3AccessDeniedException>()).Which.ErrorCode.Should().Be("InvalidAccessKeyId");
    }

    [Theory]
    [MemberData(nameof(S3TestServers.Names), MemberType = typeof(S3TestServers))]
    public async Task A_missing_key_is_NoSuchKey_and_a_missing_bucket_NoSuchBucket(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);

        var missingKey = () => bucket.Client.GetObjectAsync(bucket.Name, "nope/missing");
        var missingBucket = () => bucket.Client.GetObjectAsync("no-such-bucket-zz-" + Guid.NewGuid().ToString("N")[..8], "key");
        var headMissing = () => bucket.Client.HeadObjectAsync(bucket.Name, "nope/missing");

        var key = await missingKey.Should().ThrowAsync<S3NotFoundException>();
        key.Which.ErrorCode.Should().Be("NoSuchKey");
        key.Which.BucketName.Should().Be(bucket.Name);
        key.Which.Key.Should().Be("nope/missing");
        (await missingBucket.Should().ThrowAsync<S3NotFoundException>()).Which.ErrorCode.Should().Be("NoSuchBucket");
        (await headMissing.Should().ThrowAsync<S3NotFoundException>()).Which.ErrorCode.Should().BeNull("a HEAD answer has no body");
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithRegionCheck), MemberType = typeof(S3TestServers))]
    public async Task A_wrong_region_is_AuthorizationHeaderMalformed_naming_the_expected_region(string server)
    {
        using var client = S3TestServers.Get(server).CreateClient(o => o.Region = "eu-west-1");

        var act = () => client.PutObjectAsync("some-bucket", "key", new MemoryStream([1]));

        var thrown = await act.Should().ThrowAsync<S3InvalidRequestException>();
        thrown.Which.ErrorCode.Should().Be("AuthorizationHeaderMalformed");
        thrown.Which.Region.Should().Be("us-east-1");
    }

    [Theory]
    [MemberData(nameof(S3TestServers.Names), MemberType = typeof(S3TestServers))]
    public async Task Deleting_a_non_empty_bucket_is_BucketNotEmpty(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        await bucket.PutAsync("keep.txt", new MemoryStream([1]));

        var act = () => bucket.Client.DeleteBucketAsync(bucket.Name);

        var thrown = await act.Should().ThrowAsync<S3ConflictException>();
        thrown.Which.ErrorCode.Should().Be("BucketNotEmpty");
        thrown.Which.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithPayloadHashCheck), MemberType = typeof(S3TestServers))]
    public async Task A_body_that_does_not_match_its_signed_hash_is_refused_and_not_stored(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        var options = new S3ClientOptions
        {
            ServiceUrl = bucket.Server.Url, Region = bucket.Server.Region, AccessKeyId = bucket.Server.AccessKey,
            SecretAccessKey = bucket.Server.SecretKey, AddressingStyle = S3AddressingStyle.Path,
        };
        using var tampering = S3ClientPipeline.CreateClient(options, primaryHandler: new TamperingHandler(S3TestServer.LoopbackHandler(bucket.Server.Url.Port)));

        var act = () => tampering.PutObjectAsync(bucket.Name, bucket.Track("tampered.bin"), new MemoryStream(new byte[64]));

        (await act.Should().ThrowAsync<S3InvalidRequestException>()).Which.ErrorCode.Should().BeOneOf("XAmzContentSHA256Mismatch", "BadDigest");
        var stored = () => bucket.Client.HeadObjectAsync(bucket.Name, "tampered.bin");
        await stored.Should().ThrowAsync<S3NotFoundException>();
    }

    /// <summary>Flips one byte of the body after signing, as a faulty network or proxy would.</summary>
    private sealed class TamperingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
            {
                var bytes = await request.Content.ReadAsByteArrayAsync(cancellationToken);
                bytes[0] ^= 0xFF;
                var replaced = new ByteArrayContent(bytes);
                foreach (var header in request.Content.Headers)
                {
                    replaced.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                request.Content = replaced;
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
