using System.Net;
using Microsoft.Extensions.Time.Testing;
using S3Client.IntegrationTests.Servers;
using S3Client.IntegrationTests.TestSupport;

namespace S3Client.IntegrationTests;

/// <summary>Presigned URLs used by a plain HttpClient that signs nothing.</summary>
public class PresignTests
{
    public static TheoryData<string, string> ServersAndKeys()
    {
        var data = new TheoryData<string, string>();
        foreach (var server in S3TestServers.WithHttp)
        {
            foreach (var key in new[] { "plain.txt", "with space/and+plus.txt", "unicode/caf\u00e9-\U0001F600.txt" })
            {
                data.Add(server, key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ServersAndKeys))]
    public async Task Presigned_put_then_get_work_with_a_plain_http_client(string server, string key)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        using var plain = new HttpClient(S3TestServer.LoopbackHandler(bucket.Server.Url.Port));
        bucket.Track(key);

        var putUrl = await bucket.Client.GetPresignedUrlAsync(bucket.Name, key, HttpMethod.Put, TimeSpan.FromMinutes(5));
        using (var put = await plain.PutAsync(putUrl, new ByteArrayContent("presigned body"u8.ToArray())))
        {
            put.StatusCode.Should().Be(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        }

        var getUrl = await bucket.Client.GetPresignedUrlAsync(bucket.Name, key, HttpMethod.Get, TimeSpan.FromMinutes(5),
            new PresignOptions { ResponseContentDisposition = "attachment; filename=\"download.txt\"" });
        using var get = await plain.GetAsync(getUrl);

        get.StatusCode.Should().Be(HttpStatusCode.OK);
        (await get.Content.ReadAsStringAsync()).Should().Be("presigned body");
        get.Content.Headers.ContentDisposition?.ToString().Should().Be("attachment; filename=\"download.txt\"");
        putUrl.Query.Should().Contain("X-Amz-Signature=");
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithHttp), MemberType = typeof(S3TestServers))]
    public async Task A_tampered_url_is_refused(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        await bucket.PutAsync("secret.txt", new MemoryStream("secret"u8.ToArray()));
        using var plain = new HttpClient(S3TestServer.LoopbackHandler(bucket.Server.Url.Port));
        var url = (await bucket.Client.GetPresignedUrlAsync(bucket.Name, "secret.txt", HttpMethod.Get, TimeSpan.FromMinutes(5))).AbsoluteUri;
        var signature = url[(url.IndexOf("X-Amz-Signature=", StringComparison.Ordinal) + 16)..];
        var tampered = url.Replace(signature, new string(signature.Reverse().ToArray()), StringComparison.Ordinal);

        using var response = await plain.GetAsync(tampered);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithHttp), MemberType = typeof(S3TestServers))]
    public async Task An_expired_url_is_refused(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        await bucket.PutAsync("old.txt", new MemoryStream([1]));
        var past = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1));
        using var signedAnHourAgo = S3ClientPipeline.CreateClient(
            new S3ClientOptions { ServiceUrl = bucket.Server.Url, Region = bucket.Server.Region, AccessKeyId = bucket.Server.AccessKey, SecretAccessKey = bucket.Server.SecretKey },
            timeProvider: past);
        using var plain = new HttpClient(S3TestServer.LoopbackHandler(bucket.Server.Url.Port));

        var url = await signedAnHourAgo.GetPresignedUrlAsync(bucket.Name, "old.txt", HttpMethod.Get, TimeSpan.FromSeconds(60));
        using var response = await plain.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("AccessDenied");
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithSessionTokens), MemberType = typeof(S3TestServers))]
    public async Task Temporary_credentials_sign_requests_and_presigned_urls_with_their_session_token(string server)
    {
        var config = S3TestServers.Get(server);
        var temporary = await TemporaryCredentials.GetSessionTokenAsync(config);
        // Session tokens are checked by the STS-enabled gateway of the same server.
        var sts = config with { Url = config.StsUrl! };
        using var client = sts.CreateClient(o =>
        {
            o.AccessKeyId = null;
            o.SecretAccessKey = null;
            o.CredentialsProvider = new S3StaticCredentialsProvider(temporary);
        });
        var bucket = $"sts-{Guid.NewGuid():N}"[..24];
        using var plain = new HttpClient(S3TestServer.LoopbackHandler(sts.Url.Port));

        await client.CreateBucketAsync(bucket);
        await client.PutObjectAsync(bucket, "with token.txt", new MemoryStream("token"u8.ToArray()));
        var url = await client.GetPresignedUrlAsync(bucket, "with token.txt", HttpMethod.Get, TimeSpan.FromMinutes(5));
        using var response = await plain.GetAsync(url);
        await client.DeleteObjectAsync(bucket, "with token.txt");
        await client.DeleteBucketAsync(bucket);

        url.Query.Should().Contain("X-Amz-Security-Token=");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("token");
    }
}
