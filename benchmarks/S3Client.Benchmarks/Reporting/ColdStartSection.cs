using System.Text;
using S3Client.Benchmarks.Cold;

namespace S3Client.Benchmarks.Reporting;

/// <summary>The first seconds of a fresh process, per scenario and client, with the cold list-page target.</summary>
public static class ColdStartSection
{
    public static void Write(StringBuilder page, IReadOnlyList<ColdStartResult> results)
    {
        if (results.Count == 0)
        {
            return;
        }

        page.AppendLine("## Cold start").AppendLine()
            .AppendLine("Each row is the median of fresh processes (`dotnet S3Client.Benchmarks.dll --cold-child`), each building its client")
            .AppendLine("and running one operation back to back for 2 s against the running endpoint: what a restarted service, a CLI or")
            .AppendLine("a short job runs, with tiered compilation as it comes (nothing jitted before, no warm-up).").AppendLine()
            .AppendLine("| Scenario | Client | First operation | Ops in 1st s | Ops in 2 s | x raw (1st s) | x SDK (1st s) |")
            .AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var scenario in ColdStartSuite.Scenarios)
        {
            var raw = results.FirstOrDefault(r => r.Scenario == scenario && r.Client == "raw");
            var sdk = results.FirstOrDefault(r => r.Scenario == scenario && r.Client == "sdk");
            foreach (var row in results.Where(r => r.Scenario == scenario))
            {
                page.AppendLine($"| {Name(scenario)} | {Client(row.Client)} | {row.FirstOperationMs:0} ms | {row.OpsInFirstSecond:0} | {row.OpsInWindow:0} | " +
                    $"{Format.Ratio(Divide(row.OpsInFirstSecond, raw?.OpsInFirstSecond))} | {Format.Ratio(Divide(row.OpsInFirstSecond, sdk?.OpsInFirstSecond))} |");
            }
        }

        page.AppendLine();
    }

    /// <summary>Ours ÷ the SDK in list pages done in the first second of a fresh process.</summary>
    public static double? ListFirstSecondVersusSdk(IReadOnlyList<ColdStartResult> results) => Divide(
        results.FirstOrDefault(r => r.Scenario == "list" && r.Client == "ours")?.OpsInFirstSecond,
        results.FirstOrDefault(r => r.Scenario == "list" && r.Client == "sdk")?.OpsInFirstSecond);

    private static double? Divide(double? a, double? b) => a is { } x && b is { } y && y > 0 ? x / y : null;

    private static string Name(string scenario) => scenario switch
    {
        "list" => "LIST 1000-key page",
        "get" => "GET 1 KiB",
        "head" => "HEAD 1 KiB",
        _ => "PUT 1 KiB",
    };

    private static string Client(string client) => client switch
    {
        "raw" => "Raw HttpClient",
        "ours" => "Ours",
        _ => "AWSSDK.S3",
    };
}
