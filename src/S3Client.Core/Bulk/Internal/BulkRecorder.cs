namespace S3Client.Bulk.Internal;

/// <summary>
/// Counts the results of a bulk operation, keeps the first failures, throttles progress, passes each result to the
/// caller's sink and asks the engine to stop starting items once too many failed. Holds no per-item state.
/// </summary>
internal sealed class BulkRecorder
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);

    private readonly Lock _lock = new();
    private readonly BulkOptions _options;
    private readonly Func<BulkItemResult, ValueTask>? _sink;
    private readonly Action _stopStarting;
    private readonly List<BulkFailure> _failures = [];
    private long _succeeded;
    private long _failed;
    private long _skipped;
    private long _cancelled;
    private long _planned;
    private long _bytes;
    private long? _total;
    private long _lastProgress;
    private bool _stoppedOnFailures;

    public BulkRecorder(BulkOptions options, Func<BulkItemResult, ValueTask>? sink, Action stopStarting)
    {
        _options = options;
        _sink = sink;
        _stopStarting = stopStarting;
        _lastProgress = options.TimeProvider.GetTimestamp();
    }

    public long Failed => Interlocked.Read(ref _failed);

    public async ValueTask RecordAsync(BulkItemResult result)
    {
        var stop = false;
        BulkProgress? progress = null;
        lock (_lock)
        {
            switch (result.Status)
            {
                case BulkItemStatus.Succeeded:
                    _succeeded++;
                    break;
                case BulkItemStatus.Skipped:
                    _skipped++;
                    break;
                case BulkItemStatus.Planned:
                    _planned++;
                    break;
                case BulkItemStatus.Cancelled:
                    _cancelled++;
                    break;
                default:
                    _failed++;
                    if (_failures.Count < _options.MaxReportedFailures)
                    {
                        _failures.Add(new BulkFailure(result.Key, result.Exception ?? new InvalidOperationException("The item failed.")));
                    }

                    if (_options.MaxFailures is { } max && _failed >= max && !_stoppedOnFailures)
                    {
                        _stoppedOnFailures = stop = true;
                    }

                    break;
            }

            _bytes += result.Bytes;
            var now = _options.TimeProvider.GetTimestamp();
            if (_options.Progress is not null && _options.TimeProvider.GetElapsedTime(_lastProgress, now) >= ProgressInterval)
            {
                _lastProgress = now;
                progress = Snapshot();
            }
        }

        if (stop)
        {
            _stopStarting();
        }

        if (progress is { } value)
        {
            _options.Progress!.Report(value);
        }

        if (_sink is not null)
        {
            await _sink(result).ConfigureAwait(false);
        }
    }

    /// <summary>The input has been read to its end: the total is known.</summary>
    public void SetTotal(long total)
    {
        lock (_lock)
        {
            _total = total;
        }
    }

    public BulkSummary Complete(TimeSpan elapsed, bool wasCancelled)
    {
        BulkProgress last;
        BulkSummary summary;
        lock (_lock)
        {
            last = Snapshot();
            summary = new BulkSummary(_succeeded, _failed, _skipped, _cancelled, _planned, _bytes, elapsed, _failures.ToArray(), wasCancelled, _stoppedOnFailures);
        }

        _options.Progress?.Report(last);
        return summary;
    }

    private BulkProgress Snapshot() => new(_succeeded + _failed + _skipped + _cancelled + _planned, _failed, _total, _bytes);
}
