using System.Globalization;

namespace S3Client.Samples.Cli;

/// <summary>
/// One progress line of a bulk command on stderr: items done (of the total once known), failures, bytes and rate.
/// Redrawn in place on a terminal; written every few seconds when stderr is redirected.
/// </summary>
internal sealed class BulkProgressLine(string label, TimeProvider time) : IProgress<BulkProgress>
{
    private static readonly TimeSpan RedirectedInterval = TimeSpan.FromSeconds(2);

    private readonly bool _interactive = !Console.IsErrorRedirected;
    private readonly long _started = time.GetTimestamp();
    private readonly Lock _gate = new();
    private long _lastLine = time.GetTimestamp();
    private int _drawnLength;

    public void Report(BulkProgress value)
    {
        lock (_gate)
        {
            if (_interactive)
            {
                Draw(Describe(value));
            }
            else if (time.GetElapsedTime(_lastLine) >= RedirectedInterval)
            {
                Console.Error.WriteLine(Describe(value));
                _lastLine = time.GetTimestamp();
            }
        }
    }

    /// <summary>Prints an item's line above the progress line (which the next report redraws).</summary>
    public void Print(TextWriter writer, string line)
    {
        lock (_gate)
        {
            if (_drawnLength > 0)
            {
                Console.Error.Write("\r" + new string(' ', _drawnLength) + "\r");
                _drawnLength = 0;
            }

            writer.WriteLine(line);
        }
    }

    /// <summary>Ends the progress line with the summary.</summary>
    public void Finish(BulkSummary summary)
    {
        var elapsed = time.GetElapsedTime(_started);
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{label}: {summary.Succeeded} done, {summary.Skipped} unchanged, {summary.Failed} failed{(summary.Planned > 0 ? $", {summary.Planned} planned" : "")}; {ByteSize.Format(summary.BytesTransferred)} in {elapsed.TotalSeconds:0.0} s ({ByteSize.Rate(summary.BytesTransferred, elapsed)})");
        Print(Console.Error, text);
    }

    private void Draw(string line)
    {
        Console.Error.Write("\r" + line.PadRight(_drawnLength));
        _drawnLength = Math.Max(_drawnLength, line.Length);
    }

    private string Describe(BulkProgress value) => string.Create(
        CultureInfo.InvariantCulture,
        $"{label}: {value.ItemsDone}{(value.ItemsTotal is { } total ? $"/{total}" : "")} items, {value.ItemsFailed} failed, {ByteSize.Format(value.BytesTransferred)} ({ByteSize.Rate(value.BytesTransferred, time.GetElapsedTime(_started))})");
}
