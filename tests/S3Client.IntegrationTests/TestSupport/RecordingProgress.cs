using FluentAssertions.Execution;

namespace S3Client.IntegrationTests.TestSupport;

/// <summary>Records progress reports synchronously, in the order they are made.</summary>
public sealed class RecordingProgress : IProgress<TransferProgress>
{
    private readonly List<TransferProgress> _reports = [];

    public IReadOnlyList<TransferProgress> Reports
    {
        get
        {
            lock (_reports)
            {
                return _reports.ToList();
            }
        }
    }

    public void Report(TransferProgress value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }
    }

    public RecordingProgressAssertions Should() => new(this);
}

public sealed class RecordingProgressAssertions(RecordingProgress subject)
{
    /// <summary>Never goes back, reaches the total exactly once, and that report is the last.</summary>
    public void BeMonotonicWithOneFinal(long total)
    {
        var reports = subject.Reports;
        using var scope = new AssertionScope();
        reports.Should().NotBeEmpty();
        reports.Select(r => r.BytesTransferred).Should().BeInAscendingOrder();
        reports.Count(r => r.Fraction == 1).Should().Be(1, "100 % is reported exactly once");
        reports[^1].Should().Be(new TransferProgress(total, total), "the last report is the 100 % one, with the total");
        reports.Should().OnlyContain(r => r.BytesTransferred <= total);
        reports.Count.Should().BeLessThanOrEqualTo(102, "reports are throttled to about every 1 %");
    }
}
