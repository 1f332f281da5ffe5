using System.Diagnostics;
using System.Globalization;

namespace S3Client.Benchmarks.Infrastructure;

/// <summary>
/// Runs the AWS command line (<c>aws s3 ...</c>, the Debian package's <c>/usr/bin/aws</c>) against the loopback
/// endpoint with the benchmark credentials in its environment and no configuration files, and samples the peak
/// resident set of its process (VmHWM) while it runs.
/// </summary>
public static class AwsCli
{
    public const string Path = "/usr/bin/aws";

    public static bool IsInstalled => File.Exists(Path);

    /// <summary>Runs <c>aws s3 ARGS --endpoint-url ENDPOINT</c>; returns its peak resident set in bytes.</summary>
    /// <exception cref="InvalidOperationException">It failed.</exception>
    public static async Task<long> RunS3Async(Uri endpoint, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("s3");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--endpoint-url");
        start.ArgumentList.Add(endpoint.ToString());
        start.ArgumentList.Add("--only-show-errors");
        start.Environment["AWS_ACCESS_KEY_ID"] = BenchmarkCredentials.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = BenchmarkCredentials.SecretAccessKey;
        start.Environment["AWS_DEFAULT_REGION"] = BenchmarkCredentials.Region;
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_PAGER"] = "";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("aws did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, PeakResidentSet(process.Id));
            await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(20)).ConfigureAwait(false);
        }

        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"aws s3 {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
        }

        return peak;
    }

    private static long PeakResidentSet(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), NumberStyles.None, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process has just exited.
        }

        return 0;
    }
}
