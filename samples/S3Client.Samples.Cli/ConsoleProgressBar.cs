using System.Globalization;

namespace S3Client.Samples.Cli;

/// <summary>
/// Shows a transfer's progress on stderr, so stdout stays free for data (<c>cp s3://bucket/key -</c>). On a terminal
/// one line is redrawn in place; when stderr is redirected (a log file, CI) a plain line is written every few seconds.
/// The client reports progress sparingly (about every 1 %) and from one caller at a time.
/// </summary>
internal sealed class ConsoleProgressBar : IProgress<TransferProgress>
{
    private const int BarWidth = 30;
    private static readonly TimeSpan RedirectedInterval = TimeSpan.FromSeconds(2);

    private readonly string _label;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private readonly Lock _gate = new();
    private long _lastLine;

    // The length of the line drawn last on the terminal, so that a shorter one can cover it; 0 when none was drawn.
    private int _drawnLength;

    public ConsoleProgressBar(string label, TimeProvider time)
    {
        _label = label;
        _time = time;
        _started = time.GetTimestamp();
        _lastLine = _started;
    }

    public void Report(TransferProgress value)
    {
        lock (_gate)
        {
            if (_interactive)
            {
                var line = Describe(value);
                Console.Error.Write("\r" + line.PadRight(_drawnLength));
                _drawnLength = Math.Max(_drawnLength, line.Length);
            }
            else if (_time.GetElapsedTime(_lastLine) >= RedirectedInterval && value.BytesTransferred != value.TotalBytes)
            {
                // The end is reported by Finish, with the summary.
                Console.Error.WriteLine(Describe(value));
                _lastLine = _time.GetTimestamp();
            }
        }
    }

    /// <summary>Ends the progress line with a summary of the finished transfer.</summary>
    public void Finish(TransferResult result)
    {
        lock (_gate)
        {
            var elapsed = _time.GetElapsedTime(_started);
            var parts = result.PartCount == 1 ? "1 request" : $"{result.PartCount} parts";
            var summary = string.Create(
                CultureInfo.InvariantCulture,
                $"{_label}: {ByteSize.Format(result.Size)} in {elapsed.TotalSeconds:0.0} s ({ByteSize.Rate(result.Size, elapsed)}), {parts}");
            // On a terminal the summary overwrites the bar, padded to cover all of it.
            Console.Error.WriteLine(_drawnLength > 0 ? "\r" + summary.PadRight(_drawnLength) : summary);
        }
    }

    private string Describe(TransferProgress value)
    {
        var rate = ByteSize.Rate(value.BytesTransferred, _time.GetElapsedTime(_started));
        if (value.Fraction is not { } fraction)
        {
            // A stream of unknown length (standard input): no bar, only what has gone so far.
            return $"{_label} {ByteSize.Format(value.BytesTransferred)} {rate}";
        }

        var filled = (int)Math.Round(fraction * BarWidth);
        var percent = (int)Math.Floor(fraction * 100);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{_label} [{new string('#', filled)}{new string('-', BarWidth - filled)}] {percent,3}% {ByteSize.Format(value.BytesTransferred)} / {ByteSize.Format(value.TotalBytes ?? 0)} {rate}");
    }
}
