using System.Diagnostics;
using System.Globalization;

namespace S3Client.Benchmarks.Cold;

/// <summary>One scenario and client measured cold: medians over fresh processes.</summary>
public sealed record ColdStartResult(string Scenario, string Client, double FirstOperationMs, double OpsInFirstSecond, double OpsInWindow);

/// <summary>
/// Measures the first seconds of a fresh process for each client: every (scenario, client) pair runs in
/// <c>repeats</c> new processes of this program (<see cref="ColdStartChild"/>) against the running loopback endpoint,
/// taking turns so that machine noise spreads evenly. Reported as medians.
/// </summary>
public static class ColdStartSuite
{
    public static readonly string[] Scenarios = ["list", "get", "head", "put"];

    public static readonly string[] Clients = ["raw", "ours", "sdk"];

    public static async Task<IReadOnlyList<ColdStartResult>> RunAsync(int repeats)
    {
        var samples = new Dictionary<(string, string), List<(double First, double Second, double Window)>>();
        for (var round = 0; round < repeats; round++)
        {
            foreach (var scenario in Scenarios)
            {
                foreach (var client in Clients)
                {
                    var sample = await RunChildAsync(scenario, client);
                    if (!samples.TryGetValue((scenario, client), out var list))
                    {
                        samples[(scenario, client)] = list = [];
                    }

                    list.Add(sample);
                }
            }
        }

        return [.. samples.Select(p => new ColdStartResult(p.Key.Item1, p.Key.Item2,
            Median(p.Value.Select(s => s.First)), Median(p.Value.Select(s => s.Second)), Median(p.Value.Select(s => s.Window))))];
    }

    private static async Task<(double, double, double)> RunChildAsync(string scenario, string client)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(ColdStartSuite).Assembly.Location, "--cold-child", scenario, client])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start a cold-start process");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("COLD ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"the cold-start process for {scenario}/{client} printed no result: {output}");
        var parts = line.Split(' ');
        return (double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture), double.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
