using S3Client.IntegrationTests.Servers;
using S3Client.IntegrationTests.TestSupport;

namespace S3Client.IntegrationTests;

public class MultipartTests
{
    private const int PartSize = 5 * 1024 * 1024;

    [Theory]
    [MemberData(nameof(S3TestServers.Names), MemberType = typeof(S3TestServers))]
    public async Task Parts_uploaded_out_of_order_assemble_into_the_object(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        var key = bucket.Track("multi/part object.bin");
        var total = 2L * PartSize + 12345;
        var (expected, _) = await Hashing.Sha256Async(new PatternStream(total, 42));
        var uploadId = await bucket.Client.CreateMultipartUploadAsync(bucket.Name, key, new CreateMultipartUploadOptions { ContentType = "application/x-parts" });

        var third = await UploadPart(bucket, key, uploadId, 3, total);
        var first = await UploadPart(bucket, key, uploadId, 1, total);
        var second = await UploadPart(bucket, key, uploadId, 2, total);
        var complete = await bucket.Client.CompleteMultipartUploadAsync(bucket.Name, key, uploadId,
            [third.ToCompletedPart(), first.ToCompletedPart(), second.ToCompletedPart()]);
        await using var get = await bucket.Client.GetObjectAsync(bucket.Name, key);
        var downloaded = await Hashing.Sha256Async(get.Content);

        downloaded.Should().Be((expected, total));
        if (bucket.Server.Supports(S3Feature.CompleteMultipartETag))
        {
            complete.ETag.Should().Be((await bucket.Client.HeadObjectAsync(bucket.Name, key)).ETag);
        }
        else
        {
            complete.ETag.Should().BeNull("the server sends an empty ETag, which is reported as unknown");
        }

        get.ContentType.Should().Be("application/x-parts");
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithMultipartListing), MemberType = typeof(S3TestServers))]
    public async Task Uploads_and_parts_are_listed_and_an_aborted_upload_disappears(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        var uploadId = await bucket.Client.CreateMultipartUploadAsync(bucket.Name, "pending/a b.bin");
        await UploadPart(bucket, "pending/a b.bin", uploadId, 1, PartSize + 10);
        await UploadPart(bucket, "pending/a b.bin", uploadId, 2, PartSize + 10);

        var uploads = await bucket.Client.ListMultipartUploadsAsync(bucket.Name, "pending/").ToListAsync();
        var parts = await bucket.Client.ListPartsAsync(bucket.Name, "pending/a b.bin", uploadId).ToListAsync();
        await bucket.Client.AbortMultipartUploadAsync(bucket.Name, "pending/a b.bin", uploadId);
        var afterAbort = await bucket.Client.ListMultipartUploadsAsync(bucket.Name).ToListAsync();
        var uploadAfterAbort = () => bucket.Client.UploadPartAsync(bucket.Name, "pending/a b.bin", uploadId, 3, new MemoryStream([1]));

        uploads.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Key = "pending/a b.bin", UploadId = uploadId });
        parts.Select(p => (p.PartNumber, p.Size)).Should().Equal((1, PartSize), (2, 10L));
        afterAbort.Should().BeEmpty();
        (await uploadAfterAbort.Should().ThrowAsync<S3NotFoundException>()).Which.ErrorCode.Should().Be("NoSuchUpload");
    }

    [Theory]
    [MemberData(nameof(S3TestServers.WithMultipartListing), MemberType = typeof(S3TestServers))]
    public async Task Upload_part_copy_assembles_an_object_from_ranges_of_another(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        var size = 2L * PartSize + 99;
        await bucket.PutAsync("source.bin", new PatternStream(size, 7));
        var key = bucket.Track("copied.bin");
        var uploadId = await bucket.Client.CreateMultipartUploadAsync(bucket.Name, key);

        var first = await bucket.Client.UploadPartCopyAsync(bucket.Name, key, uploadId, 1, bucket.Name, "source.bin",
            new UploadPartCopyOptions { SourceRange = S3ByteRange.Between(0, PartSize - 1) });
        var second = await bucket.Client.UploadPartCopyAsync(bucket.Name, key, uploadId, 2, bucket.Name, "source.bin",
            new UploadPartCopyOptions { SourceRange = S3ByteRange.Between(PartSize, size - 1) });
        await bucket.Client.CompleteMultipartUploadAsync(bucket.Name, key, uploadId, [first.ToCompletedPart(), second.ToCompletedPart()]);
        await using var get = await bucket.Client.GetObjectAsync(bucket.Name, key);

        (await Hashing.Sha256Async(get.Content)).Should().Be(await Hashing.Sha256Async(new PatternStream(size, 7)));
    }

    private static async Task<UploadPartResult> UploadPart(TestBucket bucket, string key, string uploadId, int partNumber, long total)
    {
        var start = (long)(partNumber - 1) * PartSize;
        var length = Math.Clamp(total - start, 1, PartSize);
        var source = new PatternStream(total, 42) { Position = start };
        var slice = new byte[length];
        source.ReadExactly(slice);
        return await bucket.Client.UploadPartAsync(bucket.Name, key, uploadId, partNumber, new MemoryStream(slice));
    }
}
