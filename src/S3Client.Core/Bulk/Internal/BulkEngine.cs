using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace S3Client.Bulk.Internal;

/// <summary>
/// Runs a bulk operation: one reader pulls items from the input into a small bounded channel, a fixed set of workers
/// take them, reserve their bytes in the budget, run them with retries for transient failures and record the result.
/// Memory is the channel plus the items in flight, whatever the number of items. Stopping (cancellation, too many
/// failures) ends the reading and the starting of items; cancellation also stops the items in flight.
/// </summary>
/// <typeparam name="TItem">The item type.</typeparam>
internal sealed class BulkEngine<TItem>
{
    private const long DefaultBudget = 256L * 1024 * 1024;

    private readonly BulkOptions _options;
    private readonly IBulkWork<TItem> _work;
    private readonly S3TransferBudget _budget;

    public BulkEngine(BulkOptions? options, IBulkWork<TItem> work)
    {
        _options = options ?? new BulkOptions();
        BulkOptionsValidator.Validate(_options);
        _work = work;
        _budget = _options.Budget ?? new S3TransferBudget(DefaultBudget);
    }

    public BulkOptions Options => _options;

    public async Task<BulkSummary> RunAsync(IAsyncEnumerable<TItem> items, Func<BulkItemResult, ValueTask>? sink, CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        var started = time.GetTimestamp();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var recorder = new BulkRecorder(_options, sink, () => Cancel(stop));
        var channel = Channel.CreateBounded<TItem>(new BoundedChannelOptions(_options.MaxConcurrency)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        var reader = Task.Run(() => ReadAsync(items, channel.Writer, recorder, stop.Token), CancellationToken.None);
        var workers = new Task[_options.MaxConcurrency];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(() => WorkAsync(channel.Reader, recorder, stop.Token, cancellationToken), CancellationToken.None);
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        var sourceError = await reader.ConfigureAwait(false);
        if (sourceError is not null && !cancellationToken.IsCancellationRequested)
        {
            ExceptionDispatchInfo.Throw(sourceError);
        }

        return recorder.Complete(time.GetElapsedTime(started), cancellationToken.IsCancellationRequested);
    }

    private static void Cancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run has ended already.
        }
    }

    /// <summary>Reads the input into the channel; returns the input's own failure, which ends the operation.</summary>
    private static async Task<Exception?> ReadAsync(IAsyncEnumerable<TItem> items, ChannelWriter<TItem> writer, BulkRecorder recorder, CancellationToken stop)
    {
        long count = 0;
        try
        {
            await foreach (var item in items.WithCancellation(stop).ConfigureAwait(false))
            {
                await writer.WriteAsync(item, stop).ConfigureAwait(false);
                count++;
            }

            recorder.SetTotal(count);
            writer.TryComplete();
            return null;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            writer.TryComplete();
            return null;
        }
        catch (Exception e)
        {
            // Items already queued still run; the failure is thrown when they are done.
            writer.TryComplete();
            return e;
        }
    }

    private async Task WorkAsync(ChannelReader<TItem> reader, BulkRecorder recorder, CancellationToken stop, CancellationToken cancellationToken)
    {
        try
        {
            while (await reader.WaitToReadAsync(stop).ConfigureAwait(false))
            {
                // The caller's token is checked too: it is set before the callbacks that cancel the linked token have run.
                while (!stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested && reader.TryRead(out var item))
                {
                    await RunItemAsync(item, recorder, stop, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped: items not started yet are left alone.
        }
    }

    private async Task RunItemAsync(TItem item, BulkRecorder recorder, CancellationToken stop, CancellationToken cancellationToken)
    {
        IDisposable reservation;
        try
        {
            reservation = await _budget.ReserveAsync(_work.BytesInFlight(item), stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return;
        }

        using (reservation)
        {
            for (var attempt = 1; ; attempt++)
            {
                Exception failure;
                try
                {
                    var result = await _work.RunAsync(item, recorder, cancellationToken).ConfigureAwait(false);
                    if (result is not null)
                    {
                        await recorder.RecordAsync(result).ConfigureAwait(false);
                    }

                    return;
                }
                catch (Exception e)
                {
                    failure = e;
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    await recorder.RecordAsync(Result(item, BulkItemStatus.Cancelled, failure)).ConfigureAwait(false);
                    return;
                }

                if (attempt >= _options.MaxItemAttempts || !TransientFailures.IsTransient(failure))
                {
                    await recorder.RecordAsync(Result(item, BulkItemStatus.Failed, failure)).ConfigureAwait(false);
                    return;
                }

                try
                {
                    await RetryBackoff.DelayAsync(_options, attempt, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    await recorder.RecordAsync(Result(item, BulkItemStatus.Cancelled, failure)).ConfigureAwait(false);
                    return;
                }
            }
        }
    }

    private BulkItemResult Result(TItem item, BulkItemStatus status, Exception exception) =>
        new(_work.KeyOf(item), _work.ActionOf(item), status, 0, exception, _work.PathOf(item));
}
