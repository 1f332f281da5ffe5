namespace S3Client.Transfer.Internal;

/// <summary>
/// Reports progress monotonically and sparingly: at most about every 1 % (at least 1 MiB) of progress, and the final
/// 100 % exactly once, when the transfer has really completed.
/// </summary>
internal sealed class ProgressReporter
{
    private readonly IProgress<TransferProgress>? _progress;
    private readonly object _gate = new();
    private readonly long? _total;
    private readonly long _step;
    private long _done;
    private long _lastReported = -1;
    private bool _completed;

    public ProgressReporter(IProgress<TransferProgress>? progress, long? total)
    {
        _progress = progress;
        _total = total;
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
        if (_progress is null || done - Volatile.Read(ref _lastReported) < _step || (_total is { } total && done >= total))
        {
            return;
        }

        lock (_gate)
        {
            done = Interlocked.Read(ref _done);
            if (!_completed && done > _lastReported && (_total is not { } t || done < t))
            {
                _lastReported = done;
                _progress.Report(new TransferProgress(done, _total));
            }
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
            _progress?.Report(new TransferProgress(done, _total ?? done));
        }
    }
}
