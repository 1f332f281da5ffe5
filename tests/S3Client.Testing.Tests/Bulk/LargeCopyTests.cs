using System.Net;
using System.Security.Cryptography;
using S3Client.Bulk.Internal;
using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests.Bulk;

/// <summary>
/// Copies the service refuses to make in one request (over 5 GiB on S3) are made in parts. The fake holds small
/// objects, so it plays S3's refusal for one key and the parts are 5 MiB: the same path as 5 GiB and 512 MiB.
/// </summary>
public sealed class LargeCopyTests
{
    private const int MiB = 1024 * 1024;
    private const string TooLarge = "The specified copy source is larger than the maximum allowable size for a copy source: 5368709120";

    private static S3InvalidRequestException Refusal() =>
        new($"CopyObject failed: 400 InvalidRequest ({TooLarge}).", HttpStatusCode.BadRequest) { ErrorCode = "InvalidRequest", ServerMessage = TooLarge };

    [Fact]
    public async Task A_refused_single_copy_is_made_in_parts_pinned_to_the_source_with_its_headers_and_metadata()
    {
        var store = await TestStore.CreateAsync();
        var data = RandomNumberGenerator.GetBytes((12 * MiB) + 3);
        var put = new PutObjectOptions { ContentType = "video/mp4", CacheControl = "max-age=60" };
        put.Metadata["camera"] = "front";
        var source = await store.Client.PutObjectAsync(TestStore.Bucket, "big.mp4", new MemoryStream(data), put);
        var parts = new List<UploadPartCopyOptions>();
        var client = InterceptingClient.Create(store.Client, (method, args) =>
        {
            if (method == "CopyObjectAsync")
            {
                throw Refusal();
            }

            if (method == "UploadPartCopyAsync")
            {
                lock (parts)
                {
                    parts.Add((UploadPartCopyOptions)args[6]!);
                }
            }

            return null;
        });

        var result = await new CopyWork(client, new BulkOptions(), partSize: 5 * MiB)
            .RunAsync(new BulkCopyItem(TestStore.Bucket, "big.mp4", TestStore.Bucket, "copy.mp4"), null!, CancellationToken.None);

        result!.Status.Should().Be(BulkItemStatus.Succeeded);
        parts.Select(p => (p.SourceRange!.Value.First, p.SourceRange.Value.Last)).Should().Equal(((long?)0, (long?)((5L * MiB) - 1)), (5L * MiB, (10L * MiB) - 1), (10L * MiB, data.Length - 1L));
        parts.Should().OnlyContain(p => p.SourceConditions!.IfMatch == source.ETag, "every part must come from the object that was measured");
        await using var copy = await store.Client.GetObjectAsync(TestStore.Bucket, "copy.mp4");
        var copied = new MemoryStream();
        await copy.Content.CopyToAsync(copied);
        copied.ToArray().Should().Equal(data);
        copy.Properties.ContentType.Should().Be("video/mp4");
        copy.Properties.CacheControl.Should().Be("max-age=60");
        copy.Properties.Metadata.Should().Contain("camera", "front");
        (await store.Client.ListMultipartUploadsAsync(TestStore.Bucket).ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_part_that_fails_aborts_the_upload_and_fails_the_item()
    {
        var store = await TestStore.CreateAsync();
        await store.Client.PutObjectAsync(TestStore.Bucket, "big.bin", new MemoryStream(RandomNumberGenerator.GetBytes(11 * MiB)));
        var client = InterceptingClient.Create(store.Client, (method, _) => method switch
        {
            "CopyObjectAsync" => throw Refusal(),
            "UploadPartCopyAsync" => throw BulkTestData.Denied("copy.bin"),
            _ => null,
        });

        var summary = await client.CopyManyAsync(
            new[] { new BulkCopyItem(TestStore.Bucket, "big.bin", TestStore.Bucket, "copy.bin") }.ToAsyncEnumerable(),
            new BulkOptions { MaxItemAttempts = 1 });

        summary.Failed.Should().Be(1);
        summary.Failures.Should().ContainSingle().Which.Exception.Should().BeOfType<S3AccessDeniedException>();
        (await store.Client.ListMultipartUploadsAsync(TestStore.Bucket).ToListAsync()).Should().BeEmpty("the upload of the parts is aborted");
        (await store.KeysAsync()).Should().Equal("big.bin");
    }

    [Theory]
    [InlineData("InvalidRequest", "The copy source must be different from the destination")]
    [InlineData("InvalidArgument", TooLarge)]
    public async Task Other_refusals_fail_the_item_without_a_copy_in_parts(string code, string message)
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("a.txt", "body");
        var started = 0;
        var client = InterceptingClient.Create(store.Client, (method, _) =>
        {
            if (method == "CreateMultipartUploadAsync")
            {
                Interlocked.Increment(ref started);
            }

            return method == "CopyObjectAsync"
                ? throw new S3InvalidRequestException($"400 {code}", HttpStatusCode.BadRequest) { ErrorCode = code, ServerMessage = message }
                : null;
        });

        var summary = await client.CopyManyAsync(
            new[] { new BulkCopyItem(TestStore.Bucket, "a.txt", TestStore.Bucket, "b.txt") }.ToAsyncEnumerable(),
            new BulkOptions { MaxItemAttempts = 1 });

        summary.Failed.Should().Be(1);
        summary.Failures.Single().Exception.Should().BeOfType<S3InvalidRequestException>().Which.ErrorCode.Should().Be(code);
        started.Should().Be(0);
    }
}
