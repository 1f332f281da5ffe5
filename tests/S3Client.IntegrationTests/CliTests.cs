using System.Diagnostics;
using System.Reflection;
using System.Text;
using S3Client.IntegrationTests.Servers;
using S3Client.IntegrationTests.TestSupport;
using Xunit.Abstractions;

namespace S3Client.IntegrationTests;

/// <summary>
/// The sample command line (<c>s3cli</c>) as a user runs it: a separate process configured through environment
/// variables, against a real server. Its bulk commands report what they did on stderr and in the exit code, so these
/// tests read both, and check the bucket and the files with the client.
/// </summary>
public sealed class CliTests(ITestOutputHelper output)
{
    public static TheoryData<string> Servers => S3TestServers.With(S3Feature.Http);

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Sync_uploads_a_tree_then_transfers_nothing_the_second_time_and_downloads_it_identically(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        using var source = new TempFolder();
        using var target = new TempFolder();
        Directory.CreateDirectory(Path.Combine(source.Path, "photos", "2026"));
        var files = new[] { "readme.txt", "photos/a.jpg", "photos/2026/b.jpg", "photos/2026/c d.jpg" };
        for (var i = 0; i < files.Length; i++)
        {
            source.File(files[i], 1000 + (i * 4099), (ulong)i + 1);
            bucket.Track("tree/" + files[i]);
        }

        var first = await RunAsync(bucket.Server, "sync", source.Path, $"s3://{bucket.Name}/tree", "--no-progress");
        var second = await RunAsync(bucket.Server, "sync", source.Path, $"s3://{bucket.Name}/tree", "--no-progress");
        var listing = await RunAsync(bucket.Server, "ls", "-r", $"s3://{bucket.Name}/tree/");
        var download = await RunAsync(bucket.Server, "sync", $"s3://{bucket.Name}/tree", target.Path, "--no-progress");

        first.ExitCode.Should().Be(0, first.Error);
        first.Error.Should().Contain("4 done, 0 unchanged, 0 failed");
        second.ExitCode.Should().Be(0, second.Error);
        second.Error.Should().Contain("0 done, 4 unchanged, 0 failed", "the second sync finds every object unchanged");
        listing.ExitCode.Should().Be(0, listing.Error);
        listing.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line[(line.IndexOf("tree/", StringComparison.Ordinal))..].TrimEnd('\r'))
            .Should().BeEquivalentTo(files.Select(f => "tree/" + f));
        download.ExitCode.Should().Be(0, download.Error);
        foreach (var file in files)
        {
            File.ReadAllBytes(Path.Combine(target.Path, file)).Should().Equal(File.ReadAllBytes(Path.Combine(source.Path, file)), file);
        }
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Sync_with_delete_removes_what_the_directory_no_longer_has_and_a_dry_run_changes_nothing(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        using var source = new TempFolder();
        source.File("keep.bin", 2048, 1);
        source.File("gone.bin", 2048, 2);
        bucket.Track("p/keep.bin");
        bucket.Track("p/gone.bin");
        (await RunAsync(bucket.Server, "sync", source.Path, $"s3://{bucket.Name}/p", "--no-progress")).ExitCode.Should().Be(0);
        File.Delete(Path.Combine(source.Path, "gone.bin"));

        var dryRun = await RunAsync(bucket.Server, "sync", source.Path, $"s3://{bucket.Name}/p", "--delete", "--dry-run", "--no-progress");
        var keysAfterDryRun = await KeysAsync(bucket, "p/");
        var sync = await RunAsync(bucket.Server, "sync", source.Path, $"s3://{bucket.Name}/p", "--delete", "--no-progress");

        dryRun.ExitCode.Should().Be(0, dryRun.Error);
        dryRun.Out.Should().Contain("(dry run) delete: p/gone.bin");
        keysAfterDryRun.Should().BeEquivalentTo("p/keep.bin", "p/gone.bin");
        sync.ExitCode.Should().Be(0, sync.Error);
        (await KeysAsync(bucket, "p/")).Should().BeEquivalentTo("p/keep.bin");
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task A_missing_object_exits_1_with_the_error_code_and_a_recursive_remove_empties_the_prefix(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        using var folder = new TempFolder();
        for (var i = 0; i < 3; i++)
        {
            await bucket.PutAsync($"old/{i}.txt", new MemoryStream(Encoding.UTF8.GetBytes($"object {i}")));
        }

        var missing = await RunAsync(bucket.Server, "cp", $"s3://{bucket.Name}/old/none.txt", Path.Combine(folder.Path, "none.txt"));
        var removed = await RunAsync(bucket.Server, "rm", "-r", $"s3://{bucket.Name}/old/", "--no-progress");

        missing.ExitCode.Should().Be(1, missing.Error);
        missing.Error.Should().Contain("ErrorCode: NoSuchKey");
        File.Exists(Path.Combine(folder.Path, "none.txt")).Should().BeFalse("nothing is written for an object that is not there");
        removed.ExitCode.Should().Be(0, removed.Error);
        removed.Error.Should().Contain("3 done").And.Contain("0 failed");
        (await KeysAsync(bucket, "old/")).Should().BeEmpty();
    }

    [Fact]
    public async Task Usage_and_configuration_mistakes_exit_2_before_anything_is_sent()
    {
        // An endpoint nobody listens on: a request would fail with exit code 1, not 2.
        var nowhere = new S3TestServer("nowhere", new Uri("http://127.0.0.1:9"), "AKID", "secret", "us-east-1", S3Feature.None);
        using var folder = new TempFolder();

        var twoDirectories = await RunAsync(nowhere, "sync", folder.Path, folder.Path);
        var misspelled = await RunAsync(nowhere, ["ls", "s3://bucket/"], ("S3__ServiceUrl", null), ("S3__ServiceUri", "http://127.0.0.1:9"));
        var badBucket = await RunAsync(nowhere, "ls", "s3://Not_A_Bucket/");

        twoDirectories.ExitCode.Should().Be(2, twoDirectories.Error);
        twoDirectories.Error.Should().Contain("one side must be s3://bucket/prefix");
        misspelled.ExitCode.Should().Be(2, misspelled.Error);
        misspelled.Error.Should().Contain("ServiceUri").And.Contain("ServiceUrl");
        badBucket.ExitCode.Should().Be(2, badBucket.Error);
        badBucket.Error.Should().Contain("Not_A_Bucket");
    }

    private static async Task<IReadOnlyList<string>> KeysAsync(TestBucket bucket, string prefix)
    {
        var keys = new List<string>();
        await foreach (var item in bucket.Client.ListObjectsAsync(bucket.Name, new ListObjectsOptions { Prefix = prefix }))
        {
            keys.Add(item.Key);
        }

        return keys;
    }

    private Task<CliResult> RunAsync(S3TestServer server, params string[] arguments) => RunAsync(server, arguments, []);

    /// <param name="server">The server the environment points the command at.</param>
    /// <param name="arguments">The command line.</param>
    /// <param name="extra">Environment variables to set after the server's (a null value removes one).</param>
    private async Task<CliResult> RunAsync(S3TestServer server, string[] arguments, params (string Name, string? Value)[] extra)
    {
        var start = new ProcessStartInfo(DotnetHost(), [CliPath, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("S3__", StringComparison.Ordinal) || k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["S3__ServiceUrl"] = server.Url.ToString();
        start.Environment["S3__Region"] = server.Region;
        start.Environment["S3__AccessKeyId"] = server.AccessKey;
        start.Environment["S3__SecretAccessKey"] = server.SecretKey;
        start.Environment["S3__AddressingStyle"] = "Path";
        foreach (var (name, value) in extra)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var result = new CliResult(process.ExitCode, await stdout, await stderr);
        output.WriteLine($"s3cli {string.Join(' ', arguments)} -> {result.ExitCode}\n{result.Out}{result.Error}");
        return result;
    }

    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>s3cli.dll as built beside these tests (same configuration; the project reference builds it first).</summary>
    private static string CliPath { get; } = FindCli();

    private static string FindCli()
    {
        var configuration = typeof(CliTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "S3Client.sln")))
            {
                var path = Path.Combine(directory.FullName, "samples", "S3Client.Samples.Cli", "bin", configuration, "net10.0", "s3cli.dll");
                return File.Exists(path) ? path : throw new FileNotFoundException($"s3cli is not built ({path}).", path);
            }
        }

        throw new DirectoryNotFoundException("The repository root (S3Client.sln) is not above the test's directory.");
    }

    private sealed record CliResult(int ExitCode, string Out, string Error);
}
