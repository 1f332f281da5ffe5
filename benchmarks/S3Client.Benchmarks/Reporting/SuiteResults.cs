using S3Client.Benchmarks.Infrastructure;

namespace S3Client.Benchmarks.Reporting;

/// <summary>All rows of a run, grouped into scenarios in the order the benchmarks declare them.</summary>
public sealed class SuiteResults
{
    private readonly IReadOnlyList<ResultRow> _rows;

    public SuiteResults(IReadOnlyList<ResultRow> rows) => _rows = rows;

    public IEnumerable<ScenarioGroup> Groups(params string[] types) =>
        _rows.Where(r => types.Contains(r.Type))
            .GroupBy(r => (r.Type, r.Scenario, r.ParameterText))
            .OrderBy(g => Array.IndexOf(types, g.Key.Type))
            .Select(g => new ScenarioGroup(g.ToList()));

    public ScenarioGroup? Group(string type, string scenario, string parameters = "") =>
        Groups(type).FirstOrDefault(g => g.Rows[0].Scenario == scenario && g.Rows[0].ParameterText == parameters);

    public IEnumerable<ResultRow> Rows(string type) => _rows.Where(r => r.Type == type);

    /// <summary>The megabytes one operation of <paramref name="row"/> moves.</summary>
    public static int SizeMiB(ResultRow row) => row.Parameter("SizeMiB") is > 0 and var size ? size : SuiteSettings.UnknownLengthSizeMiB;
}
