using System.Security.Cryptography;
using S3Client.IntegrationTests.Servers;
using S3Client.IntegrationTests.TestSupport;

namespace S3Client.IntegrationTests;

public class VersioningTaggingEncryptionTests
{
    [Theory]
    [MemberData(nameof(S3TestServers.WithVersioning), MemberType = typeof(S3TestServers))]
    public async Task Old_versions_can_be_read_listed_and_deleted(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        await bucket.Client.SetBucketVersioningAsync(bucket.Name, enabled: true);
        var v1 = await bucket.PutAsync("doc.txt", new MemoryStream("version one"u8.ToArray()));
        var v2 = await bucket.PutAsync("doc.txt", new MemoryStream("version two!"u8.ToArray()));

        var status = await bucket.Client.GetBucketVersioningAsync(bucket.Name);
        await using (var old = await bucket.Client.GetObjectAsync(bucket.Name, "doc.txt", new GetObjectOptions { VersionId = v1.VersionId }))
        {
            (await new StreamReader(old.Content).ReadToEndAsync()).Should().Be("version one");
            old.VersionId.Should().Be(v1.VersionId);
        }

        await bucket.Client.DeleteObjectAsync(bucket.Name, "doc.txt");
        var versions = await bucket.Client.ListObjectVersionsAsync(bucket.Name, "doc").ToListAsync();
        await bucket.Client.DeleteObjectAsync(bucket.Name, "doc.txt", new DeleteObjectOptions { VersionId = v1.VersionId });
        var afterDelete = await bucket.Client.ListObjectVersionsAsync(bucket.Name, "doc").ToListAsync();
        var current = () => bucket.Client.HeadObjectAsync(bucket.Name, "doc.txt");

        status.Should().Be(S3VersioningStatus.Enabled);
        v1.VersionId.Should().NotBeNullOrEmpty().And.NotBe(v2.VersionId);
        versions.Should().HaveCount(3);
        versions.Should().ContainSingle(v => v.IsDeleteMarker && v.IsLatest);
        versions.Where(v => !v.IsDeleteMarker).Select(v => v.VersionId).Should().BeEquivalentTo(v1.VersionId, v2.VersionId);
        afterDelete.Select(v => v.VersionId).Should().NotContain(v1.VersionId);
        await current.Should().ThrowAsync<S3NotFoundException>("the delete marker hides the object");
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithTagging), MemberType = typeof(S3TestServers))]
    public async Task Tags_are_set_on_put_read_replaced_and_removed(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        var options = new PutObjectOptions();
        options.Tags["project"] = "s3 client";
        options.Tags["tier"] = "gold&silver";
        await bucket.PutAsync("tagged.txt", new MemoryStream([1]), options);

        var initial = await bucket.Client.GetObjectTagsAsync(bucket.Name, "tagged.txt");
        await bucket.Client.PutObjectTagsAsync(bucket.Name, "tagged.txt", new Dictionary<string, string> { ["only"] = "one" });
        var replaced = await bucket.Client.GetObjectTagsAsync(bucket.Name, "tagged.txt");
        await bucket.Client.DeleteObjectTagsAsync(bucket.Name, "tagged.txt");
        var removed = await bucket.Client.GetObjectTagsAsync(bucket.Name, "tagged.txt");

        initial.Should().BeEquivalentTo(new Dictionary<string, string> { ["project"] = "s3 client", ["tier"] = "gold&silver" });
        replaced.Should().BeEquivalentTo(new Dictionary<string, string> { ["only"] = "one" });
        removed.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithCustomerKeys), MemberType = typeof(S3TestServers))]
    public async Task Customer_key_encryption_needs_the_same_key_to_read(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        var key = new S3CustomerKey(RandomNumberGenerator.GetBytes(32));
        var data = RandomNumberGenerator.GetBytes(100_000);

        await bucket.PutAsync("sse-c.bin", new MemoryStream(data), new PutObjectOptions { CustomerKey = key });
        await using var get = await bucket.Client.GetObjectAsync(bucket.Name, "sse-c.bin", new GetObjectOptions { CustomerKey = key });
        using var sink = new MemoryStream();
        await get.Content.CopyToAsync(sink);
        var head = await bucket.Client.HeadObjectAsync(bucket.Name, "sse-c.bin", new HeadObjectOptions { CustomerKey = key });
        var withoutKey = () => bucket.Client.GetObjectAsync(bucket.Name, "sse-c.bin");
        var wrongKey = () => bucket.Client.GetObjectAsync(bucket.Name, "sse-c.bin", new GetObjectOptions { CustomerKey = new S3CustomerKey(new byte[32]) });

        sink.ToArray().Should().Equal(data);
        head.ContentLength.Should().Be(data.Length);
        await withoutKey.Should().ThrowAsync<S3ClientException>();
        var thrown = await wrongKey.Should().ThrowAsync<S3ClientException>();
        thrown.Which.Message.Should().NotContain(Convert.ToBase64String(new byte[32]));
    }
}
