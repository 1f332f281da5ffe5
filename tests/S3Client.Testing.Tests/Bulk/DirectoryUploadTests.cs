using System.Text;
using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests.Bulk;

public sealed class DirectoryUploadTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("bulk-up-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Keys_are_the_relative_paths_with_slashes_under_the_prefix()
    {
        var store = await TestStore.CreateAsync();
        Write("a.txt", "A");
        Write("sub/b.txt", "B");
        Write("sub/deeper/c.txt", "C");
        Write(".hidden", "H");

        var summary = await store.Client.UploadDirectoryAsync(_root, TestStore.Bucket, "backup");

        summary.Succeeded.Should().Be(4);
        (await store.KeysAsync()).Should().Equal("backup/.hidden", "backup/a.txt", "backup/sub/b.txt", "backup/sub/deeper/c.txt");
        (await store.ReadAsync("backup/sub/deeper/c.txt")).Should().Be("C");
        (await store.Client.HeadObjectAsync(TestStore.Bucket, "backup/a.txt")).Metadata.Should().ContainKey("s3client-mtime");
    }

    [Fact]
    public async Task Hidden_files_and_globs_choose_what_is_uploaded()
    {
        var store = await TestStore.CreateAsync();
        Write("keep.txt", "1");
        Write("skip.log", "2");
        Write("logs/keep.log", "3");
        Write("sub/x.txt", "4");
        Write(".git/config", "5");
        var options = new DirectoryTransferOptions { IncludeHidden = false };
        options.Include.Add("*.txt");
        options.Include.Add("logs/**");
        options.Exclude.Add("sub/**");

        var summary = await store.Client.UploadDirectoryAsync(_root, TestStore.Bucket, "", options);

        summary.Succeeded.Should().Be(2);
        (await store.KeysAsync()).Should().Equal("keep.txt", "logs/keep.log");
    }

    [Fact]
    public async Task Symbolic_links_are_left_out_unless_asked_and_a_link_loop_is_a_failure()
    {
        var store = await TestStore.CreateAsync();
        var outside = Directory.CreateTempSubdirectory("bulk-outside-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "secret.txt"), "S");
            Write("real.txt", "R");
            Directory.CreateSymbolicLink(Path.Combine(_root, "linked-dir"), outside);
            File.CreateSymbolicLink(Path.Combine(_root, "linked-file"), Path.Combine(outside, "secret.txt"));
            Directory.CreateDirectory(Path.Combine(_root, "sub"));
            Directory.CreateSymbolicLink(Path.Combine(_root, "sub", "loop"), _root);

            var plain = await store.Client.UploadDirectoryAsync(_root, TestStore.Bucket, "plain");
            var followed = await store.Client.UploadDirectoryAsync(_root, TestStore.Bucket, "followed", new DirectoryTransferOptions { FollowSymbolicLinks = true });

            plain.Succeeded.Should().Be(1);
            followed.Succeeded.Should().Be(3);
            followed.Failures.Should().ContainSingle().Which.Key.Should().Be("followed/sub/loop/");
            (await store.KeysAsync(new ListObjectsOptions { Prefix = "followed/" })).Should().Equal("followed/linked-dir/secret.txt", "followed/linked-file", "followed/real.txt");
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task Unicode_normalisation_is_kept_unless_asked_and_two_names_for_one_key_are_reported()
    {
        var store = await TestStore.CreateAsync();
        var decomposed = "e\u0301.txt";
        var composed = "\u00e9.txt";
        Write(decomposed, "NFD");

        await store.Client.UploadDirectoryAsync(_root, TestStore.Bucket, "kept");
        Write(composed, "NFC");
        var normalised = await store.Client.UploadDirectoryAsync(_root, TestStore.Bucket, "nfc", new DirectoryTransferOptions { KeyNormalization = NormalizationForm.FormC });

        (await store.KeysAsync(new ListObjectsOptions { Prefix = "kept/" })).Should().Equal("kept/" + decomposed);
        normalised.Succeeded.Should().Be(1);
        normalised.Failures.Should().ContainSingle().Which.Key.Should().Be("nfc/" + composed);
    }

    [Fact]
    public void A_missing_directory_fails_before_any_request()
    {
        var client = new InMemoryS3Client();

        client.Invoking(c => c.UploadDirectoryAsync(Path.Combine(_root, "missing"), TestStore.Bucket, "")).Should().Throw<DirectoryNotFoundException>();
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
