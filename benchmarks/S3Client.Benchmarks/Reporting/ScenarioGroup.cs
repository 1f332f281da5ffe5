namespace S3Client.Benchmarks.Reporting;

/// <summary>The rows of one scenario (one category and parameter set of one benchmark class), with its baselines.</summary>
public sealed class ScenarioGroup
{
    public ScenarioGroup(IReadOnlyList<ResultRow> rows)
    {
        Rows = rows;
        Raw = rows.FirstOrDefault(r => r.IsBaseline);
        Sdk = rows.FirstOrDefault(r => r.IsSdk);
    }

    public IReadOnlyList<ResultRow> Rows { get; }

    /// <summary>The baseline row: the raw HttpClient end to end, the hand-rolled or framework code in micro benchmarks.</summary>
    public ResultRow? Raw { get; }

    public ResultRow? Sdk { get; }

    public ResultRow? Ours(string method) => Rows.FirstOrDefault(r => r.Method == method);

    public double? VersusRaw(ResultRow row) => Format.Divide(Raw?.MedianNanoseconds, row.MedianNanoseconds);

    public double? VersusSdk(ResultRow row) => Format.Divide(Sdk?.MedianNanoseconds, row.MedianNanoseconds);

    public double? AllocationVersusSdk(ResultRow row) => Format.Divide(row.AllocatedBytes, Sdk?.AllocatedBytes);
}
