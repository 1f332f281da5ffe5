using S3Client.Transfer.Internal;

namespace S3Client.Core.Tests.Transfer;

public class ProgressReporterTests
{
    private sealed class Recorder : IProgress<TransferProgress>
    {
        public List<TransferProgress> Reports { get; } = [];

        public void Report(TransferProgress value) => Reports.Add(value);
    }

    [Fact]
    public void Reports_about_every_percent_and_100_percent_once_at_completion()
    {
        var recorder = new Recorder();
        const long total = 1000L * 1024 * 1024;
        var reporter = new ProgressReporter(recorder, total);

        for (var i = 0; i < 1000; i++)
        {
            reporter.Add(1024 * 1024);
        }

        reporter.Complete();
        reporter.Complete();

        recorder.Reports.Should().HaveCountLessThanOrEqualTo(101);
        recorder.Reports.Select(r => r.BytesTransferred).Should().BeInAscendingOrder();
        recorder.Reports.Count(r => r.Fraction == 1).Should().Be(1);
        recorder.Reports[^1].Should().Be(new TransferProgress(total, total));
    }

    [Fact]
    public void Never_reports_100_percent_before_the_transfer_is_complete()
    {
        var recorder = new Recorder();
        var reporter = new ProgressReporter(recorder, 10 * 1024 * 1024);

        reporter.Add(10 * 1024 * 1024);

        recorder.Reports.Should().NotContain(r => r.Fraction == 1);
    }

    [Fact]
    public void An_unknown_total_becomes_known_in_the_final_report()
    {
        var recorder = new Recorder();
        var reporter = new ProgressReporter(recorder, total: null);

        reporter.Add(3 * 1024 * 1024);
        reporter.Complete();

        recorder.Reports[0].TotalBytes.Should().BeNull();
        recorder.Reports[^1].Should().Be(new TransferProgress(3 * 1024 * 1024, 3 * 1024 * 1024));
    }
}
