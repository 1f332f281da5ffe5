using System.Net;
using System.Text;
using S3Client.Core.Tests.TestSupport;
using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests;

public class ObjectTests
{
    [Fact]
    public async Task Put_then_get_returns_the_bytes_and_everything_stored_with_them()
    {
        var store = await TestStore.CreateAsync();
        var options = new PutObjectOptions
        {
            ContentType = "text/plain; charset=utf-8",
            CacheControl = "max-age=60",
            ContentDisposition = "attachment; filename=\"a.txt\"",
            ContentEncoding = "identity",
            StorageClass = "STANDARD_IA",
        };
        options.Metadata["Author"] = "ada";

        var put = await store.PutAsync("docs/a.txt", "hello", options);
        using var got = await store.Client.GetObjectAsync(TestStore.Bucket, "docs/a.txt");

        put.ETag.Should().Be(TestStore.Md5ETag("hello"));
        put.VersionId.Should().BeNull("the bucket is not versioned");
        new StreamReader(got.Content).ReadToEnd().Should().Be("hello");
        got.ContentLength.Should().Be(5);
        got.ETag.Should().Be(put.ETag);
        got.ContentType.Should().Be("text/plain; charset=utf-8");
        got.LastModified.Should().Be(TestStore.Start);
        got.Properties.CacheControl.Should().Be("max-age=60");
        got.Properties.ContentDisposition.Should().Be("attachment; filename=\"a.txt\"");
        got.Properties.ContentEncoding.Should().Be("identity");
        got.Properties.StorageClass.Should().Be("STANDARD_IA");
        got.ContentRange.Should().BeNull();
        got.Metadata.Should().Equal(new Dictionary<string, string> { ["author"] = "ada" });
    }

    [Fact]
    public async Task Without_a_content_type_the_object_is_binary_octet_stream_and_STANDARD_is_not_reported()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("a.bin", "x", new PutObjectOptions { StorageClass = "STANDARD" });

        var head = await store.Client.HeadObjectAsync(TestStore.Bucket, "a.bin");

        head.ContentType.Should().Be("binary/octet-stream");
        head.StorageClass.Should().BeNull("S3 sends no x-amz-storage-class header for STANDARD");
        head.Metadata.Should().BeEmpty();
    }

    [Fact]
    public async Task Metadata_names_come_back_lower_case_and_are_looked_up_case_insensitively()
    {
        var store = await TestStore.CreateAsync();
        var options = new PutObjectOptions();
        options.Metadata["Content-Owner"] = "Team A";

        await store.PutAsync("m.txt", "x", options);
        var head = await store.Client.HeadObjectAsync(TestStore.Bucket, "m.txt");

        head.Metadata.Keys.Should().Equal("content-owner");
        head.Metadata["CONTENT-OWNER"].Should().Be("Team A");
    }

    [Fact]
    public async Task Head_describes_the_object_without_its_bytes()
    {
        var store = await TestStore.CreateAsync();
        store.Time.Advance(TimeSpan.FromMilliseconds(2500));
        await store.PutAsync("h.txt", "twelve bytes");

        var head = await store.Client.HeadObjectAsync(TestStore.Bucket, "h.txt");

        head.ContentLength.Should().Be(12);
        head.ETag.Should().Be(TestStore.Md5ETag("twelve bytes"));
        head.LastModified.Should().Be(TestStore.Start.AddSeconds(2), "times are whole seconds, as in HTTP dates");
        head.VersionId.Should().BeNull();
    }

    [Fact]
    public async Task A_second_put_replaces_the_object()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("k", "first");
        store.Time.Advance(TimeSpan.FromSeconds(10));

        await store.PutAsync("k", "second");

        (await store.ReadAsync("k")).Should().Be("second");
        (await store.Client.HeadObjectAsync(TestStore.Bucket, "k")).LastModified.Should().Be(TestStore.Start.AddSeconds(10));
    }

    [Fact]
    public async Task A_seekable_stream_is_read_from_its_position_and_for_at_most_ContentLength_bytes()
    {
        var store = await TestStore.CreateAsync();
        var source = new MemoryStream(Encoding.ASCII.GetBytes("skip-KEEP-tail"));
        source.Position = 5;

        await store.Client.PutObjectAsync(TestStore.Bucket, "k", source, new PutObjectOptions { ContentLength = 4 });

        (await store.ReadAsync("k")).Should().Be("KEEP");
    }

    [Fact]
    public async Task A_non_seekable_stream_needs_its_length_and_one_that_ends_early_stores_nothing()
    {
        var store = await TestStore.CreateAsync();
        var data = Encoding.ASCII.GetBytes("forward only");

        var withoutLength = () => store.Client.PutObjectAsync(TestStore.Bucket, "a", new NonSeekableStream(data));
        var tooShort = () => store.Client.PutObjectAsync(TestStore.Bucket, "b", new NonSeekableStream(data), new PutObjectOptions { ContentLength = 100 });
        await store.Client.PutObjectAsync(TestStore.Bucket, "c", new NonSeekableStream(data), new PutObjectOptions { ContentLength = data.Length });

        (await withoutLength.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("content");
        await tooShort.Should().ThrowAsync<IOException>().WithMessage("*ended after 12 of its 100 bytes*");
        (await store.KeysAsync()).Should().Equal("c");
        (await store.ReadAsync("c")).Should().Be("forward only");
    }

    [Fact]
    public async Task The_stored_bytes_are_a_copy_of_the_callers_buffer()
    {
        var store = await TestStore.CreateAsync();
        var buffer = Encoding.ASCII.GetBytes("original");

        await store.Client.PutObjectAsync(TestStore.Bucket, "k", new MemoryStream(buffer));
        buffer[0] = (byte)'X';

        (await store.ReadAsync("k")).Should().Be("original");
    }

    [Fact]
    public async Task A_get_streams_its_own_read_only_copy_that_later_writes_do_not_change()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("k", "version one");
        using var first = await store.Client.GetObjectAsync(TestStore.Bucket, "k");
        using var second = await store.Client.GetObjectAsync(TestStore.Bucket, "k");

        await store.PutAsync("k", "version two");
        first.Content.ReadByte();

        new StreamReader(second.Content).ReadToEnd().Should().Be("version one");
        new StreamReader(first.Content).ReadToEnd().Should().Be("ersion one");
        first.Content.CanWrite.Should().BeFalse();
    }

    [Fact]
    public async Task A_missing_key_is_NoSuchKey_for_get_and_an_error_without_code_for_head()
    {
        var store = await TestStore.CreateAsync();

        var get = () => store.Client.GetObjectAsync(TestStore.Bucket, "nope/missing");
        var head = () => store.Client.HeadObjectAsync(TestStore.Bucket, "nope/missing");

        var thrown = await get.Should().ThrowAsync<S3NotFoundException>();
        thrown.Which.StatusCode.Should().Be(HttpStatusCode.NotFound);
        thrown.Which.ErrorCode.Should().Be("NoSuchKey");
        thrown.Which.BucketName.Should().Be(TestStore.Bucket);
        thrown.Which.Key.Should().Be("nope/missing");
        thrown.Which.RequestId.Should().BeNull("no request was made");
        (await head.Should().ThrowAsync<S3NotFoundException>()).Which.ErrorCode.Should().BeNull("a HEAD answer has no body");
    }

    [Fact]
    public async Task Delete_removes_the_object_and_deleting_a_missing_key_succeeds()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("gone", "x");

        await store.Client.DeleteObjectAsync(TestStore.Bucket, "gone");
        await store.Client.DeleteObjectAsync(TestStore.Bucket, "never-there");

        (await store.KeysAsync()).Should().BeEmpty();
        var get = () => store.Client.GetObjectAsync(TestStore.Bucket, "gone");
        await get.Should().ThrowAsync<S3NotFoundException>();
    }

    [Fact]
    public async Task A_checksum_is_verified_and_a_wrong_one_is_BadDigest_with_nothing_stored()
    {
        var store = await TestStore.CreateAsync();
        var right = new S3Checksum(S3ChecksumAlgorithm.Crc32, "NhCmhg=="); // CRC-32 of "hello"
        var wrong = new S3Checksum(S3ChecksumAlgorithm.Sha256, Convert.ToBase64String(new byte[32]));

        await store.PutAsync("ok", "hello", new PutObjectOptions { Checksum = right });
        var act = () => store.PutAsync("bad", "hello", new PutObjectOptions { Checksum = wrong });

        var thrown = await act.Should().ThrowAsync<S3InvalidRequestException>();
        thrown.Which.ErrorCode.Should().Be("BadDigest");
        (await store.KeysAsync()).Should().Equal("ok");
    }

    [Fact]
    public async Task User_metadata_over_2_KB_is_MetadataTooLarge()
    {
        var store = await TestStore.CreateAsync();
        var options = new PutObjectOptions();
        options.Metadata["big"] = new string('x', 2048);

        var act = () => store.PutAsync("k", "x", options);

        (await act.Should().ThrowAsync<S3InvalidRequestException>()).Which.ErrorCode.Should().Be("MetadataTooLarge");
    }

    [Fact]
    public async Task A_create_only_put_stores_a_new_key_and_fails_with_412_when_the_key_exists()
    {
        var store = await TestStore.CreateAsync();
        var createOnly = new PutObjectOptions { IfNoneMatchAny = true };

        await store.PutAsync("lock", "mine", createOnly);
        var again = () => store.PutAsync("lock", "theirs", createOnly);

        var thrown = await again.Should().ThrowAsync<S3PreconditionFailedException>();
        thrown.Which.ErrorCode.Should().Be("PreconditionFailed");
        (await store.ReadAsync("lock")).Should().Be("mine");
    }

    [Fact]
    public async Task A_put_with_If_Match_replaces_only_the_named_version_and_needs_an_existing_key()
    {
        var store = await TestStore.CreateAsync();
        var first = await store.PutAsync("k", "v1");

        await store.PutAsync("k", "v2", new PutObjectOptions { IfMatch = first.ETag });
        var stale = () => store.PutAsync("k", "v3", new PutObjectOptions { IfMatch = first.ETag });
        var missing = () => store.PutAsync("other", "v1", new PutObjectOptions { IfMatch = first.ETag });

        await stale.Should().ThrowAsync<S3PreconditionFailedException>();
        (await missing.Should().ThrowAsync<S3NotFoundException>()).Which.ErrorCode.Should().Be("NoSuchKey");
        (await store.ReadAsync("k")).Should().Be("v2");
    }

    [Fact]
    public async Task An_object_stored_with_an_SSE_C_key_is_read_only_with_that_key()
    {
        var store = await TestStore.CreateAsync();
        var key = new S3CustomerKey(TestStore.Bytes(32, seed: 1));
        var otherKey = new S3CustomerKey(TestStore.Bytes(32, seed: 2));
        await store.PutAsync("secret", "data", new PutObjectOptions { CustomerKey = key });
        await store.PutAsync("plain", "data");

        var withoutKey = () => store.Client.GetObjectAsync(TestStore.Bucket, "secret");
        var wrongKey = () => store.Client.HeadObjectAsync(TestStore.Bucket, "secret", new HeadObjectOptions { CustomerKey = otherKey });
        var keyOnPlain = () => store.Client.GetObjectAsync(TestStore.Bucket, "plain", new GetObjectOptions { CustomerKey = key });

        (await store.ReadAsync("secret", new GetObjectOptions { CustomerKey = key })).Should().Be("data");
        (await withoutKey.Should().ThrowAsync<S3InvalidRequestException>()).Which.ErrorCode.Should().Be("InvalidRequest");
        (await wrongKey.Should().ThrowAsync<S3AccessDeniedException>()).Which.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await keyOnPlain.Should().ThrowAsync<S3InvalidRequestException>();
    }

    [Fact]
    public async Task A_cancelled_call_is_cancelled_and_stores_nothing()
    {
        var store = await TestStore.CreateAsync();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var put = () => store.Client.PutObjectAsync(TestStore.Bucket, "k", new MemoryStream([1]), cancellationToken: cts.Token);
        var create = () => store.Client.CreateBucketAsync("other-bucket", cancellationToken: cts.Token);

        await put.Should().ThrowAsync<OperationCanceledException>();
        await create.Should().ThrowAsync<OperationCanceledException>();
        (await store.KeysAsync()).Should().BeEmpty();
        (await store.Client.BucketExistsAsync("other-bucket")).Should().BeFalse();
    }
}
