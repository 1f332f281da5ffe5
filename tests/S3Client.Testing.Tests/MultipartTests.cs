using System.Security.Cryptography;
using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests;

public class MultipartTests
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public async Task Completing_assembles_the_parts_in_number_order_with_the_md5_of_md5s_entity_tag()
    {
        var store = await TestStore.CreateAsync();
        var options = new CreateMultipartUploadOptions { ContentType = "video/mp4" };
        options.Metadata["camera"] = "b";
        options.Tags["raw"] = "true";
        var part1 = TestStore.Bytes(5 * MiB, seed: 1);
        var part2 = TestStore.Bytes(100, seed: 2);
        var uploadId = await store.Client.CreateMultipartUploadAsync(TestStore.Bucket, "movie.mp4", options);

        var second = await store.Client.UploadPartAsync(TestStore.Bucket, "movie.mp4", uploadId, 2, new MemoryStream(part2));
        var first = await store.Client.UploadPartAsync(TestStore.Bucket, "movie.mp4", uploadId, 1, new MemoryStream(part1));
        var result = await store.Client.CompleteMultipartUploadAsync(TestStore.Bucket, "movie.mp4", uploadId, [second.ToCompletedPart(), first.ToCompletedPart()]);

        first.ETag.Should().Be(TestStore.Md5ETag(part1));
        var expected = Convert.ToHexStringLower(MD5.HashData([.. MD5.HashData(part1), .. MD5.HashData(part2)]));
        result.ETag.Should().Be($"\"{expected}-2\"");
        result.Location.Should().Be("https://in-memory-s3.invalid/test-bucket/movie.mp4");
        using var read = await store.Client.GetObjectAsync(TestStore.Bucket, "movie.mp4");
        using var content = new MemoryStream();
        await read.Content.CopyToAsync(content);
        content.ToArray().Should().Equal([.. part1, .. part2]);
        read.ETag.Should().Be(result.ETag);
        read.ContentType.Should().Be("video/mp4");
        read.Metadata["camera"].Should().Be("b");
        (await store.Client.GetObjectTagsAsync(TestStore.Bucket, "movie.mp4"))["raw"].Should().Be("true");
    }

    [Fact]
    public async Task A_part_under_5_MiB_that_is_not_the_last_is_EntityTooSmall()
    {
        var store = await TestStore.CreateAsync();
        var uploadId = await store.Client.CreateMultipartUploadAsync(TestStore.Bucket, "k");
        var p1 = await store.Client.UploadPartAsync(TestStore.Bucket, "k", uploadId, 1, new MemoryStream(TestStore.Bytes(MiB)));
        var p2 = await store.Client.UploadPartAsync(TestStore.Bucket, "k", uploadId, 2, new MemoryStream(TestStore.Bytes(MiB)));

        var act = () => store.Client.CompleteMultipartUploadAsync(TestStore.Bucket, "k", uploadId, [p1.ToCompletedPart(), p2.ToCompletedPart()]);

        var thrown = await act.Should().ThrowAsync<S3InvalidRequestException>();
        thrown.Which.ErrorCode.Should().Be("EntityTooSmall");
        (await store.KeysAsync()).Should().BeEmpty();
        (await store.Client.ListPartsAsync(TestStore.Bucket, "k", uploadId).ToListAsync()).Should().HaveCount(2, "a refused completion leaves the upload as it was");
    }

    [Fact]
    public async Task An_unknown_part_or_entity_tag_is_InvalidPart()
    {
        var store = await TestStore.CreateAsync();
        var uploadId = await store.Client.CreateMultipartUploadAsync(TestStore.Bucket, "k");
        var p1 = await store.Client.UploadPartAsync(TestStore.Bucket, "k", uploadId, 1, new MemoryStream([1, 2, 3]));

        var wrongTag = () => store.Client.CompleteMultipartUploadAsync(TestStore.Bucket, "k", uploadId, [new S3CompletedPart(1, "\"0123\"")]);
        var missingPart = () => store.Client.CompleteMultipartUploadAsync(TestStore.Bucket, "k", uploadId, [p1.ToCompletedPart(), new S3CompletedPart(2, p1.ETag)]);

        (await wrongTag.Should().ThrowAsync<S3InvalidRequestException>()).Which.ErrorCode.Should().Be("InvalidPart");
        (await missingPart.Should().ThrowAsync<S3InvalidRequestException>()).Which.ErrorCode.Should().Be("InvalidPart");
    }

    [Fact]
    public async Task A_single_small_part_completes_and_unquoted_entity_tags_are_accepted()
    {
        var store = await TestStore.CreateAsync();
        var uploadId = await store.Client.CreateMultipartUploadAsync(TestStore.Bucket, "k");
        var p1 = await store.Client.UploadPartAsync(TestStore.Bucket, "k", uploadId, 1, new MemoryStream([1, 2, 3]));

        var result = await store.Client.CompleteMultipartUploadAsync(TestStore.Bucket, "k", uploadId, [new S3CompletedPart(1, p1.ETag.Trim('"'))]);

        result.ETag.Should().EndWith("-1\"");
        (await store.Client.HeadObjectAsync(TestStore.Bucket, "k")).ContentLength.Should().Be(3);
    }

    [Fact]
    public async Task After_completion_the_upload_is_gone_and_every_call_on_it_is_NoSuchUpload()
    {
        var store = await TestStore.CreateAsync();
        var uploadId = await store.Client.CreateMultipartUploadAsync(TestStore.Bucket, "k");
        var p1 = await store.Client.UploadPartAsync(TestStore.Bucket, "k", uploadId, 1, new MemoryStream([1]));
        await store.Client.CompleteMultipartUploadAsync(TestStore.Bucket, "k", uploadId, [p1.ToCompletedPart()]);

        var calls = new Func<Task>[]
        {
            () => store.Client.UploadPartAsync(TestStore.Bucket, "k", uploadId, 2, new MemoryStream([2])),
            () => store.Client.CompleteMultipartUploadAsync(TestStore.Bucket, "k", uploadId, [p1.ToCompletedPart()]),
            () => store.Client.AbortMultipartUploadAsync(TestStore.Bucket, "k", uploadId),
            () => store.Client.ListPartsAsync(TestStore.Bucket, "k", uploadId).ToListAsync().AsTask(),
        };

        foreach (var call in calls)
        {
            var thrown = await call.Should().ThrowAsync<S3NotFoundException>();
            thrown.Which.ErrorCode.Should().Be("NoSuchUpload");
        }

        (await store.Client.ListMultipartUploadsAsync(TestStore.Bucket).ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Abort_discards_the_parts_and_stores_no_object()
    {
        var store = await TestStore.CreateAsync();
        var uploadId = await store.Client.CreateMultipartUploadAsync(TestStore.Bucket, "k");
        await store.Client.UploadPartAsync(TestStore.Bucket, "k", uploadId, 1, new MemoryStream([1]));

        await store.Client.AbortMultipartUploadAsync(TestStore.Bucket, "k", uploadId);

        (await store.Client.ListMultipartUploadsAsync(TestStore.Bucket).ToListAsync()).Should().BeEmpty();
        (await store.KeysAsync()).Should().BeEmpty();
        var parts = () => store.Client.ListPartsAsync(TestStore.Bucket, "k", uploadId).ToListAsync().AsTask();
        (await parts.Should().ThrowAsync<S3NotFoundException>()).Which.ErrorCode.Should().Be("NoSuchUpload");
    }

    [Fact]
    public async Task An_upload_id_used_with_another_key_is_NoSuchUpload()
    {
        var store = await TestStore.CreateAsync();
        var uploadId = await store.Client.CreateMultipartUploadAsync(TestStore.Bucket, "k");

        var act = () => store.Client.UploadPartAsync(TestStore.Bucket, "other", uploadId, 1, new MemoryStream([1]));

        (await act.Should().ThrowAsync<S3NotFoundException>()).Which.ErrorCode.Should().Be("NoSuchUpload");
    }

    [Fact]
    public async Task Parts_are_listed_by_number_and_a_part_sent_again_replaces_the_earlier_one()
    {
        var store = await TestStore.CreateAsync();
        var uploadId = await store.Client.CreateMultipartUploadAsync(TestStore.Bucket, "k");
        await store.Client.UploadPartAsync(TestStore.Bucket, "k", uploadId, 3, new MemoryStream(new byte[30]));
        await store.Client.UploadPartAsync(TestStore.Bucket, "k", uploadId, 1, new MemoryStream(new byte[10]));
        var again = await store.Client.UploadPartAsync(TestStore.Bucket, "k", uploadId, 1, new MemoryStream(new byte[11]));

        var parts = await store.Client.ListPartsAsync(TestStore.Bucket, "k", uploadId).ToListAsync();

        parts.Should().Equal(
            new S3PartInfo(1, again.ETag, 11, TestStore.Start),
            new S3PartInfo(3, TestStore.Md5ETag(new byte[30]), 30, TestStore.Start));
    }

    [Fact]
    public async Task Uploads_in_progress_are_listed_in_key_order_and_filtered_by_prefix()
    {
        var store = await TestStore.CreateAsync();
        var b = await store.Client.CreateMultipartUploadAsync(TestStore.Bucket, "logs/b");
        store.Time.Advance(TimeSpan.FromSeconds(1));
        var a = await store.Client.CreateMultipartUploadAsync(TestStore.Bucket, "logs/a");
        await store.Client.CreateMultipartUploadAsync(TestStore.Bucket, "other");

        var uploads = await store.Client.ListMultipartUploadsAsync(TestStore.Bucket, "logs/").ToListAsync();

        uploads.Should().Equal(
            new S3MultipartUploadInfo("logs/a", a, TestStore.Start.AddSeconds(1)),
            new S3MultipartUploadInfo("logs/b", b, TestStore.Start));
    }

    [Fact]
    public async Task UploadPartCopy_copies_a_range_of_an_object_and_a_range_outside_it_is_InvalidArgument()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("source", "0123456789");
        var uploadId = await store.Client.CreateMultipartUploadAsync(TestStore.Bucket, "k");

        var part = await store.Client.UploadPartCopyAsync(TestStore.Bucket, "k", uploadId, 1, TestStore.Bucket, "source", new UploadPartCopyOptions { SourceRange = S3ByteRange.Between(2, 4) });
        var outside = () => store.Client.UploadPartCopyAsync(TestStore.Bucket, "k", uploadId, 2, TestStore.Bucket, "source", new UploadPartCopyOptions { SourceRange = S3ByteRange.Between(5, 10) });

        part.ETag.Should().Be(TestStore.Md5ETag("234"));
        (await outside.Should().ThrowAsync<S3InvalidRequestException>()).Which.ErrorCode.Should().Be("InvalidArgument");
        await store.Client.CompleteMultipartUploadAsync(TestStore.Bucket, "k", uploadId, [part.ToCompletedPart()]);
        (await store.ReadAsync("k")).Should().Be("234");
    }

    [Fact]
    public async Task A_part_whose_checksum_does_not_match_is_BadDigest_and_not_stored()
    {
        var store = await TestStore.CreateAsync();
        var uploadId = await store.Client.CreateMultipartUploadAsync(TestStore.Bucket, "k");

        var act = () => store.Client.UploadPartAsync(TestStore.Bucket, "k", uploadId, 1, new MemoryStream([1, 2]),
            new UploadPartOptions { Checksum = new S3Checksum(S3ChecksumAlgorithm.Crc32C, "AAAAAA==") });

        (await act.Should().ThrowAsync<S3InvalidRequestException>()).Which.ErrorCode.Should().Be("BadDigest");
        (await store.Client.ListPartsAsync(TestStore.Bucket, "k", uploadId).ToListAsync()).Should().BeEmpty();
    }
}
