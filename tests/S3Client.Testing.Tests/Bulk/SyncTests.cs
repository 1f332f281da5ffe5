using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests.Bulk;

public sealed class SyncTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("bulk-sync-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_second_sync_to_the_bucket_transfers_nothing_and_a_changed_file_is_sent_again()
    {
        var store = await TestStore.CreateAsync();
        Write("a.txt", "one");
        Write("dir/b.txt", "two");

        var first = await store.Client.SyncToBucketAsync(_root, TestStore.Bucket, "s");
        var second = await store.Client.SyncToBucketAsync(_root, TestStore.Bucket, "s");
        Write("a.txt", "ONE");
        var third = await store.Client.SyncToBucketAsync(_root, TestStore.Bucket, "s");

        first.Succeeded.Should().Be(2);
        second.Succeeded.Should().Be(0);
        second.Skipped.Should().Be(2);
        second.BytesTransferred.Should().Be(0);
        third.Succeeded.Should().Be(1);
        (await store.ReadAsync("s/a.txt")).Should().Be("ONE");
    }

    [Fact]
    public async Task Delete_extraneous_removes_objects_the_directory_lacks_and_a_dry_run_changes_nothing()
    {
        var store = await TestStore.CreateAsync();
        Write("keep.txt", "k");
        await store.PutAsync("s/keep.txt", "old");
        await store.PutAsync("s/gone.txt", "g");
        await store.PutAsync("outside.txt", "o");
        var dryRun = new DirectoryTransferOptions { DeleteExtraneous = true, DryRun = true };

        var planned = store.Client.SyncToBucketAsync(_root, TestStore.Bucket, "s/", dryRun);
        var results = await planned.ToListAsync();
        var keysAfterDryRun = await store.KeysAsync();
        var done = await store.Client.SyncToBucketAsync(_root, TestStore.Bucket, "s/", new DirectoryTransferOptions { DeleteExtraneous = true });

        results.Should().BeEquivalentTo(new[]
        {
            new { Key = "s/gone.txt", Action = BulkItemAction.Delete, Status = BulkItemStatus.Planned },
            new { Key = "s/keep.txt", Action = BulkItemAction.Upload, Status = BulkItemStatus.Planned },
        });
        planned.Summary!.Planned.Should().Be(2);
        keysAfterDryRun.Should().Equal("outside.txt", "s/gone.txt", "s/keep.txt");
        done.Succeeded.Should().Be(2);
        (await store.KeysAsync()).Should().Equal("outside.txt", "s/keep.txt");
        (await store.ReadAsync("s/keep.txt")).Should().Be("k");
    }

    [Fact]
    public async Task A_second_sync_to_the_directory_transfers_nothing_and_extraneous_files_can_be_deleted()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("s/a.txt", "one");
        await store.PutAsync("s/dir/b.txt", "two");
        var target = Path.Combine(_root, "down");

        var first = await store.Client.SyncToDirectoryAsync(TestStore.Bucket, "s", target);
        var second = await store.Client.SyncToDirectoryAsync(TestStore.Bucket, "s", target);
        File.WriteAllText(Path.Combine(target, "local-only.txt"), "x");
        await store.PutAsync("s/a.txt", "uno");
        var third = await store.Client.SyncToDirectoryAsync(TestStore.Bucket, "s", target, new DirectoryTransferOptions { DeleteExtraneous = true });

        first.Succeeded.Should().Be(2);
        second.Succeeded.Should().Be(0);
        second.Skipped.Should().Be(2);
        third.Succeeded.Should().Be(2);
        File.ReadAllText(Path.Combine(target, "a.txt")).Should().Be("uno");
        File.Exists(Path.Combine(target, "local-only.txt")).Should().BeFalse();
    }

    [Fact]
    public async Task Objects_stored_in_parts_are_compared_by_the_recorded_file_time()
    {
        var store = await TestStore.CreateAsync();
        var data = new byte[6 * 1024 * 1024];
        File.WriteAllBytes(Path.Combine(_root, "big.bin"), data);
        var options = new DirectoryTransferOptions { Transfer = new TransferOptions { MultipartThreshold = 5 * 1024 * 1024, PartSize = 5 * 1024 * 1024 } };

        var first = await store.Client.SyncToBucketAsync(_root, TestStore.Bucket, "s", options);
        var second = await store.Client.SyncToBucketAsync(_root, TestStore.Bucket, "s", new DirectoryTransferOptions { Transfer = options.Transfer });
        File.SetLastWriteTimeUtc(Path.Combine(_root, "big.bin"), File.GetLastWriteTimeUtc(Path.Combine(_root, "big.bin")).AddMinutes(1));
        var third = await store.Client.SyncToBucketAsync(_root, TestStore.Bucket, "s", new DirectoryTransferOptions { Transfer = options.Transfer });

        (await store.Client.HeadObjectAsync(TestStore.Bucket, "s/big.bin")).ETag.Should().EndWith("-2\"");
        first.Succeeded.Should().Be(1);
        second.Skipped.Should().Be(1);
        third.Succeeded.Should().Be(1);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
