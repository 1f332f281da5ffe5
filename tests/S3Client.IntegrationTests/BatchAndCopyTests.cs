using System.Net;
using S3Client.IntegrationTests.Servers;
using S3Client.IntegrationTests.TestSupport;

namespace S3Client.IntegrationTests;

public class BatchAndCopyTests
{
    [Theory]
    [MemberData(nameof(S3TestServers.Names), MemberType = typeof(S3TestServers))]
    public async Task Batch_delete_removes_2500_keys_in_batches_and_a_missing_key_is_not_an_error(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        var keys = Enumerable.Range(0, 2500).Select(i => $"batch/{i:D5} with space+plus.txt").ToList();
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (key, ct) =>
            await bucket.Client.PutObjectAsync(bucket.Name, key, new MemoryStream([1]), cancellationToken: ct));

        var result = await bucket.Client.DeleteObjectsAsync(bucket.Name, keys.Append("batch/never-written").Select(S3ObjectIdentifier.FromString));
        var left = await bucket.Client.ListObjectsAsync(bucket.Name, new ListObjectsOptions { Prefix = "batch/" }).CountAsync();

        result.Errors.Should().BeEmpty();
        result.IsSuccess.Should().BeTrue();
        left.Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(S3TestServers.Names), MemberType = typeof(S3TestServers))]
    public async Task Batch_delete_reports_each_key_when_not_quiet(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        await bucket.PutAsync("a", new MemoryStream([1]));
        await bucket.PutAsync("b", new MemoryStream([1]));

        var result = await bucket.Client.DeleteObjectsAsync(bucket.Name, [new S3ObjectIdentifier("a"), "b"], new DeleteObjectsOptions { Quiet = false });

        result.Deleted.Select(d => d.Key).Should().BeEquivalentTo("a", "b");
    }

    [Theory]
    [MemberData(nameof(S3TestServers.Names), MemberType = typeof(S3TestServers))]
    public async Task Copy_keeps_or_replaces_metadata_as_asked(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        var options = new PutObjectOptions { ContentType = "text/plain" };
        options.Metadata["color"] = "blue";
        await bucket.PutAsync("source.txt", new MemoryStream("copy me"u8.ToArray()), options);
        var replace = new CopyObjectOptions { ReplaceMetadata = true, ContentType = "application/json" };
        replace.Metadata["color"] = "red";

        var kept = await bucket.Client.CopyObjectAsync(bucket.Name, "source.txt", bucket.Name, bucket.Track("copy-kept.txt"));
        var replaced = await bucket.Client.CopyObjectAsync(bucket.Name, "source.txt", bucket.Name, bucket.Track("copy-replaced.txt"), replace);
        var keptHead = await bucket.Client.HeadObjectAsync(bucket.Name, "copy-kept.txt");
        var replacedHead = await bucket.Client.HeadObjectAsync(bucket.Name, "copy-replaced.txt");

        kept.ETag.Should().NotBeNullOrEmpty();
        replaced.ETag.Should().NotBeNullOrEmpty();
        keptHead.Metadata.Should().Contain("color", "blue");
        keptHead.ContentType.Should().Be("text/plain");
        replacedHead.Metadata.Should().Contain("color", "red");
        replacedHead.ContentType.Should().Be("application/json");
        replacedHead.ContentLength.Should().Be(7);
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithCopySourceConditions), MemberType = typeof(S3TestServers))]
    public async Task Copy_with_a_failed_source_condition_is_a_precondition_failure(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        await bucket.PutAsync("source.txt", new MemoryStream([1, 2]));

        var act = () => bucket.Client.CopyObjectAsync(bucket.Name, "source.txt", bucket.Name, bucket.Track("never.txt"),
            new CopyObjectOptions { SourceConditions = new S3Conditions { IfMatch = "\"00000000000000000000000000000000\"" } });

        (await act.Should().ThrowAsync<S3PreconditionFailedException>()).Which.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
    }

    [Theory]
    [MemberData(nameof(S3TestServers.Names), MemberType = typeof(S3TestServers))]
    public async Task Copying_a_missing_source_is_not_found(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);

        var act = () => bucket.Client.CopyObjectAsync(bucket.Name, "missing.txt", bucket.Name, bucket.Track("never.txt"));

        await act.Should().ThrowAsync<S3NotFoundException>();
    }
}
