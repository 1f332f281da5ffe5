using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests.Bulk;

public sealed class DirectoryDownloadTests : IDisposable
{
    private readonly string _sandbox = Directory.CreateTempSubdirectory("bulk-down-").FullName;

    private string Target => Path.Combine(_sandbox, "target");

    public void Dispose() => Directory.Delete(_sandbox, recursive: true);

    [Fact]
    public async Task Objects_become_files_under_their_relative_paths_and_folder_markers_become_directories()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("p/a.txt", "A");
        await store.PutAsync("p/sub/b.txt", "B");
        await store.PutAsync("p/empty/", "");
        await store.PutAsync("other/c.txt", "C");

        var summary = await store.Client.DownloadDirectoryAsync(TestStore.Bucket, "p", Target);

        summary.Succeeded.Should().Be(3);
        File.ReadAllText(Path.Combine(Target, "a.txt")).Should().Be("A");
        File.ReadAllText(Path.Combine(Target, "sub", "b.txt")).Should().Be("B");
        Directory.Exists(Path.Combine(Target, "empty")).Should().BeTrue();
        File.GetLastWriteTimeUtc(Path.Combine(Target, "a.txt")).Should().Be(TestStore.Start.UtcDateTime);
        Directory.GetFiles(Target, "*", SearchOption.AllDirectories).Should().HaveCount(2, "no temporary file is left");
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("/abs")]
    [InlineData("a/../../b")]
    [InlineData("C:\\x")]
    [InlineData("a\0b")]
    [InlineData("a//b")]
    [InlineData("./c")]
    [InlineData("..")]
    public async Task A_key_that_would_land_outside_or_cannot_be_a_path_fails_and_writes_nothing_outside(string hostile)
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("p/" + hostile, "evil");
        await store.PutAsync("p/fine.txt", "fine");

        var summary = await store.Client.DownloadDirectoryAsync(TestStore.Bucket, "p/", Target);

        summary.Succeeded.Should().Be(1);
        summary.Failures.Should().ContainSingle().Which.Should().Match<BulkFailure>(f => f.Key == "p/" + hostile && f.Exception is ArgumentException);
        Directory.GetFileSystemEntries(_sandbox, "*", SearchOption.AllDirectories).Should().BeEquivalentTo(Target, Path.Combine(Target, "fine.txt"));
    }

    [Fact]
    public async Task A_symbolic_link_in_the_target_is_never_written_through()
    {
        var store = await TestStore.CreateAsync();
        var outside = Directory.CreateDirectory(Path.Combine(_sandbox, "outside")).FullName;
        Directory.CreateDirectory(Target);
        Directory.CreateSymbolicLink(Path.Combine(Target, "link"), outside);
        await store.PutAsync("p/link/x.txt", "evil");

        var summary = await store.Client.DownloadDirectoryAsync(TestStore.Bucket, "p", Target);

        summary.Failures.Should().ContainSingle().Which.Exception.Should().BeOfType<IOException>();
        Directory.GetFileSystemEntries(outside).Should().BeEmpty();
    }

    [Fact]
    public async Task Two_keys_naming_one_file_on_a_case_insensitive_file_system_are_reported()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("p/Read.me", "upper");
        await store.PutAsync("p/read.me", "lower");

        var summary = await store.Client.DownloadDirectoryAsync(TestStore.Bucket, "p", Target, new DirectoryTransferOptions { CaseInsensitiveFileSystem = true, MaxConcurrency = 1 });

        summary.Succeeded.Should().Be(1);
        summary.Failures.Should().ContainSingle().Which.Should().Match<BulkFailure>(f => f.Key == "p/read.me" && f.Exception is IOException);
        File.ReadAllText(Path.Combine(Target, "Read.me")).Should().Be("upper");
    }

    [Fact]
    public async Task A_failed_download_leaves_neither_the_file_nor_a_temporary_file()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("p/old.txt", "new content");
        Directory.CreateDirectory(Target);
        File.WriteAllText(Path.Combine(Target, "old.txt"), "previous");
        var client = InterceptingClient.Create(store.Client, (method, _) => method == "GetObjectAsync" ? throw new IOException("connection reset") : null);
        var options = new DirectoryTransferOptions { RetryBaseDelay = TimeSpan.Zero };

        var summary = await client.DownloadDirectoryAsync(TestStore.Bucket, "p", Target, options);

        summary.Failed.Should().Be(1);
        Directory.GetFiles(Target).Should().Equal(Path.Combine(Target, "old.txt"));
        File.ReadAllText(Path.Combine(Target, "old.txt")).Should().Be("previous");
    }

    [Fact]
    public async Task Never_keeps_existing_files()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("p/a.txt", "remote");
        await store.PutAsync("p/b.txt", "remote");
        Directory.CreateDirectory(Target);
        File.WriteAllText(Path.Combine(Target, "a.txt"), "local");

        var summary = await store.Client.DownloadDirectoryAsync(TestStore.Bucket, "p", Target, new DirectoryTransferOptions { Overwrite = S3OverwritePolicy.Never });

        summary.Skipped.Should().Be(1);
        summary.Succeeded.Should().Be(1);
        File.ReadAllText(Path.Combine(Target, "a.txt")).Should().Be("local");
    }
}
