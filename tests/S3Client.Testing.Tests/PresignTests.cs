using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests;

public class PresignTests
{
    [Fact]
    public async Task The_url_is_deterministic_and_names_the_object_expiry_method_and_overrides()
    {
        var store = await TestStore.CreateAsync();
        var options = new PresignOptions { VersionId = "v1", ResponseContentDisposition = "attachment; filename=\"a b.pdf\"" };

        var url = await store.Client.GetPresignedUrlAsync(TestStore.Bucket, "docs/a b.pdf", HttpMethod.Get, TimeSpan.FromHours(1), options);
        var again = await store.Client.GetPresignedUrlAsync(TestStore.Bucket, "docs/a b.pdf", HttpMethod.Get, TimeSpan.FromHours(1), options);

        url.Should().Be(again);
        url.AbsoluteUri.Should().Be(
            "https://in-memory-s3.invalid/test-bucket/docs/a%20b.pdf?versionId=v1&response-content-disposition=attachment%3B%20filename%3D%22a%20b.pdf%22"
            + "&X-Amz-Date=20260102T030405Z&X-Amz-Expires=3600&X-InMemory-Method=GET");
    }

    [Fact]
    public async Task The_url_is_on_the_reserved_invalid_domain_and_differs_by_method()
    {
        var client = new InMemoryS3Client();

        var get = await client.GetPresignedUrlAsync("any-bucket", "k", HttpMethod.Get, TimeSpan.FromMinutes(5));
        var put = await client.GetPresignedUrlAsync("any-bucket", "k", HttpMethod.Put, TimeSpan.FromMinutes(5));

        get.Host.Should().EndWith(".invalid");
        put.Should().NotBe(get);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1500)]
    [InlineData(8 * 24 * 3600 * 1000L)]
    public async Task Expiries_outside_whole_seconds_from_1_s_to_7_days_are_refused_like_the_real_client(long milliseconds)
    {
        var client = new InMemoryS3Client();
        var expiry = TimeSpan.FromMilliseconds(milliseconds);

        var fake = await Record.ExceptionAsync(() => client.GetPresignedUrlAsync("bucket", "k", HttpMethod.Get, expiry));

        fake.ShouldMatchArgumentError(await RealClient.ThrowsBeforeSendingAsync(c => c.GetPresignedUrlAsync("bucket", "k", HttpMethod.Get, expiry)));
    }

    [Fact]
    public async Task POST_is_refused_like_the_real_client()
    {
        var client = new InMemoryS3Client();

        var fake = await Record.ExceptionAsync(() => client.GetPresignedUrlAsync("bucket", "k", HttpMethod.Post, TimeSpan.FromMinutes(1)));

        fake.ShouldMatchArgumentError(await RealClient.ThrowsBeforeSendingAsync(c => c.GetPresignedUrlAsync("bucket", "k", HttpMethod.Post, TimeSpan.FromMinutes(1))));
    }
}
