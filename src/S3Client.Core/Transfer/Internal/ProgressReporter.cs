namespace S3Client.Transfer.Internal;

/// <summary>
/// Reports progress monotonically and sparingly: at most about every 1 % (at least 1 MiB) of progress, and the final
/// 100 % exactly once, when the transfer has really completed. An upload of unknown length learns its total when the
/// end of its stream is read (<see cref="TotalKnown"/>): from then on no report before the final one carries all the
/// bytes, so the final count is reported once, not by the last part and again by the completion.
/// </summary>
internal sealed class ProgressReporter
{
    private readonly IProgress<TransferProgress>? _progress;
    private readonly object _gate = new();
    private long _total;
    private readonly long _step;
    private long _done;
    private long _lastReported = -1;
    private bool _completed;

    public ProgressReporter(IProgress<TransferProgress>? progress, long? total)
    {
        _progress = progress;
        _total = total ?? -1;
        _step = Math.Max(1024 * 1024, (total ?? 0) / 100);
    }

    public long Done => Interlocked.Read(ref _done);

    public void Add(long bytes)
    {
        if (bytes <= 0)
        {
            return;
        }

        var done = Interlocked.Add(ref _done, bytes);
        var total = Interlocked.Read(ref _total);
        if (_progress is null || done - Volatile.Read(ref _lastReported) < _step || (total >= 0 && done >= total))
        {
            return;
        }

        lock (_gate)
        {
            done = Interlocked.Read(ref _done);
            total = Interlocked.Read(ref _total);
            if (!_completed && done > _lastReported && (total < 0 || done < total))
            {
                _lastReported = done;
                _progress.Report(new TransferProgress(done, total < 0 ? null : total));
            }
        }
    }

    /// <summary>The total of an upload of unknown length, once the end of its stream has been read.</summary>
    public void TotalKnown(long total)
    {
        lock (_gate)
        {
            Interlocked.Exchange(ref _total, total);
        }
    }

    /// <summary>The final report: 100 % of what was moved, once.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            var done = Interlocked.Read(ref _done);
            var total = Interlocked.Read(ref _total);
            _progress?.Report(new TransferProgress(done, total < 0 ? done : total));
        }
    }
}
