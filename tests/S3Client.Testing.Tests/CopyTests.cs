using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests;

public class CopyTests
{
    [Fact]
    public async Task A_copy_keeps_the_sources_bytes_headers_metadata_and_tags()
    {
        var store = await TestStore.CreateAsync();
        await store.Client.CreateBucketAsync("other-bucket");
        var options = new PutObjectOptions { ContentType = "text/csv", CacheControl = "no-cache" };
        options.Metadata["origin"] = "import";
        options.Tags["stage"] = "raw";
        var source = await store.PutAsync("data.csv", "a,b", options);
        store.Time.Advance(TimeSpan.FromMinutes(5));

        var copy = await store.Client.CopyObjectAsync(TestStore.Bucket, "data.csv", "other-bucket", "copies/data.csv");

        copy.ETag.Should().Be(source.ETag);
        copy.LastModified.Should().Be(TestStore.Start.AddMinutes(5));
        using var read = await store.Client.GetObjectAsync("other-bucket", "copies/data.csv");
        new StreamReader(read.Content).ReadToEnd().Should().Be("a,b");
        read.ContentType.Should().Be("text/csv");
        read.Properties.CacheControl.Should().Be("no-cache");
        read.Metadata.Should().Equal(new Dictionary<string, string> { ["origin"] = "import" });
        (await store.Client.GetObjectTagsAsync("other-bucket", "copies/data.csv")).Should().Equal(new Dictionary<string, string> { ["stage"] = "raw" });
    }

    [Fact]
    public async Task A_copy_with_ReplaceMetadata_stores_the_options_and_keeps_the_tags_unless_new_ones_are_given()
    {
        var store = await TestStore.CreateAsync();
        var put = new PutObjectOptions { ContentType = "text/csv" };
        put.Metadata["origin"] = "import";
        put.Tags["stage"] = "raw";
        await store.PutAsync("src", "x", put);
        var replace = new CopyObjectOptions { ReplaceMetadata = true };
        replace.Metadata["checked"] = "yes";
        var retag = new CopyObjectOptions { ReplaceMetadata = true };
        retag.Tags["stage"] = "clean";

        await store.Client.CopyObjectAsync(TestStore.Bucket, "src", TestStore.Bucket, "replaced", replace);
        await store.Client.CopyObjectAsync(TestStore.Bucket, "src", TestStore.Bucket, "retagged", retag);

        var head = await store.Client.HeadObjectAsync(TestStore.Bucket, "replaced");
        head.ContentType.Should().Be("binary/octet-stream");
        head.Metadata.Should().Equal(new Dictionary<string, string> { ["checked"] = "yes" });
        (await store.Client.GetObjectTagsAsync(TestStore.Bucket, "replaced"))["stage"].Should().Be("raw");
        (await store.Client.GetObjectTagsAsync(TestStore.Bucket, "retagged"))["stage"].Should().Be("clean");
    }

    [Fact]
    public async Task Copying_an_object_onto_itself_needs_a_change_such_as_new_metadata()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("k", "x");
        var update = new CopyObjectOptions { ReplaceMetadata = true, ContentType = "text/plain" };

        var unchanged = () => store.Client.CopyObjectAsync(TestStore.Bucket, "k", TestStore.Bucket, "k");
        await store.Client.CopyObjectAsync(TestStore.Bucket, "k", TestStore.Bucket, "k", update);

        (await unchanged.Should().ThrowAsync<S3InvalidRequestException>()).Which.ErrorCode.Should().Be("InvalidRequest");
        (await store.Client.HeadObjectAsync(TestStore.Bucket, "k")).ContentType.Should().Be("text/plain");
    }

    [Fact]
    public async Task Failed_source_conditions_are_PreconditionFailed_412_never_304()
    {
        var store = await TestStore.CreateAsync();
        var etag = (await store.PutAsync("k", "x")).ETag!;
        S3Conditions[] failing =
        [
            new() { IfMatch = "\"other\"" },
            new() { IfNoneMatch = etag },
            new() { IfModifiedSince = TestStore.Start.AddHours(1) },
            new() { IfUnmodifiedSince = TestStore.Start.AddHours(-1) },
        ];

        foreach (var conditions in failing)
        {
            var act = () => store.Client.CopyObjectAsync(TestStore.Bucket, "k", TestStore.Bucket, "copy", new CopyObjectOptions { SourceConditions = conditions });
            await act.Should().ThrowAsync<S3PreconditionFailedException>();
        }

        await store.Client.CopyObjectAsync(TestStore.Bucket, "k", TestStore.Bucket, "copy", new CopyObjectOptions { SourceConditions = new S3Conditions { IfMatch = etag } });
        (await store.KeysAsync()).Should().Equal("copy", "k");
    }

    [Fact]
    public async Task A_missing_source_is_NoSuchKey_named_after_the_destination_as_the_real_client_reports_it()
    {
        var store = await TestStore.CreateAsync();

        var act = () => store.Client.CopyObjectAsync(TestStore.Bucket, "missing", TestStore.Bucket, "dest");

        var thrown = await act.Should().ThrowAsync<S3NotFoundException>();
        thrown.Which.ErrorCode.Should().Be("NoSuchKey");
        thrown.Which.Operation.Should().Be("CopyObject");
        thrown.Which.Key.Should().Be("dest");
    }

    [Fact]
    public async Task A_copy_of_a_multipart_object_is_a_single_part_object_with_the_md5_entity_tag()
    {
        var store = await TestStore.CreateAsync();
        var data = TestStore.Bytes(6 * 1024 * 1024);
        var upload = await store.Client.UploadAsync(TestStore.Bucket, "big", new MemoryStream(data), new TransferOptions { MultipartThreshold = 5 * 1024 * 1024, PartSize = 5 * 1024 * 1024 });

        var copy = await store.Client.CopyObjectAsync(TestStore.Bucket, "big", TestStore.Bucket, "big-copy");

        upload.ETag.Should().EndWith("-2\"");
        copy.ETag.Should().Be(TestStore.Md5ETag(data));
    }

    [Fact]
    public async Task A_previous_version_can_be_copied_back_on_top()
    {
        var store = await TestStore.CreateAsync(versioned: true);
        var v1 = await store.PutAsync("k", "one");
        await store.PutAsync("k", "two");

        var copy = await store.Client.CopyObjectAsync(TestStore.Bucket, "k", TestStore.Bucket, "k", new CopyObjectOptions { SourceVersionId = v1.VersionId });

        copy.SourceVersionId.Should().Be(v1.VersionId);
        copy.VersionId.Should().NotBeNullOrEmpty().And.NotBe(v1.VersionId);
        (await store.ReadAsync("k")).Should().Be("one");
        (await store.Client.ListObjectVersionsAsync(TestStore.Bucket).ToListAsync()).Should().HaveCount(3);
    }
}
