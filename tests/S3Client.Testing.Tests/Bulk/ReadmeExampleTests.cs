using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests.Bulk;

/// <summary>The "Bulk operations" example of the README, compiled and run against the fake.</summary>
public sealed class ReadmeExampleTests : IDisposable
{
    private readonly string _site = Directory.CreateTempSubdirectory("bulk-readme-").FullName;

    public void Dispose() => Directory.Delete(_site, recursive: true);

    [Fact]
    public async Task The_readme_example_syncs_a_site_and_copies_it_to_an_archive()
    {
        var store = await TestStore.CreateAsync();
        IS3Client s3 = store.Client;
        await s3.CreateBucketAsync("www");
        await s3.CreateBucketAsync("archive");
        File.WriteAllText(Path.Combine(_site, "index.html"), "<html/>");
        File.WriteAllText(Path.Combine(_site, "draft.tmp"), "no");
        var ct = CancellationToken.None;
        var failed = new List<string>();

        // The README example, with the directory of this test.
        var options = new DirectoryTransferOptions { MaxConcurrency = 32, DeleteExtraneous = true };
        options.Exclude.Add("**/*.tmp");
        BulkSummary summary = await s3.SyncToBucketAsync(_site, "www", "2026/", options, ct);
        foreach (var failure in summary.Failures)
        {
            failed.Add($"{failure.Key}: {failure.Exception.Message}");
        }

        var copy = s3.CopyManyAsync(s3.ListObjectsAsync("www", new ListObjectsOptions { Prefix = "2026/" }, ct)
            .Select(o => new BulkCopyItem("www", o.Key, "archive", o.Key)), new BulkOptions { MaxFailures = 100 }, ct);
        await foreach (var result in copy)
        {
            if (result.Status == BulkItemStatus.Failed)
            {
                failed.Add($"{result.Key}: {result.Exception!.Message}");
            }
        }

        summary.Succeeded.Should().Be(1);
        failed.Should().BeEmpty();
        copy.Summary!.Succeeded.Should().Be(1);
        (await s3.ListObjectsAsync("archive").Select(o => o.Key).ToListAsync()).Should().Equal("2026/index.html");
    }
}
