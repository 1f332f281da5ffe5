using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace S3Client;

/// <summary>
/// A bulk operation, started when first awaited or enumerated (once). Await it for the <see cref="BulkSummary"/>
/// alone, or enumerate it with <c>await foreach</c> for each item's <see cref="BulkItemResult"/> as it ends (the results
/// are not kept), then read <see cref="Summary"/>. Either way memory stays flat however many items there are.
/// </summary>
/// <example>
/// <code>
/// var summary = await s3.UploadDirectoryAsync("./site", "www", "2026/");
///
/// var sync = s3.DownloadDirectoryAsync("www", "2026/", "./restore");
/// await foreach (var result in sync) { if (result.Status == BulkItemStatus.Failed) log(result); }
/// Console.WriteLine(sync.Summary);
/// </code>
/// </example>
public sealed class BulkOperation : IAsyncEnumerable<BulkItemResult>
{
    private const int ResultBuffer = 256;
    private readonly Func<Func<BulkItemResult, ValueTask>?, CancellationToken, Task<BulkSummary>> _run;
    private readonly CancellationToken _cancellationToken;
    private int _started;

    internal BulkOperation(Func<Func<BulkItemResult, ValueTask>?, CancellationToken, Task<BulkSummary>> run, CancellationToken cancellationToken)
    {
        _run = run;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The summary, once the operation has ended; null before.</summary>
    public BulkSummary? Summary { get; private set; }

    /// <summary>Runs the operation to its end, without per-item results.</summary>
    /// <returns>The summary. A cancelled operation still returns one (<see cref="BulkSummary.WasCancelled"/>).</returns>
    /// <exception cref="InvalidOperationException">The operation was started before.</exception>
    public async Task<BulkSummary> RunAsync()
    {
        MarkStarted();
        return Summary = await _run(null, _cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the operation to its end; the same as <see cref="RunAsync"/>.</summary>
    /// <returns>An awaiter of the summary.</returns>
    public TaskAwaiter<BulkSummary> GetAwaiter() => RunAsync().GetAwaiter();

    /// <summary>
    /// Runs the operation, yielding each item's result as it ends. Leaving the loop early cancels the operation (items in
    /// flight are stopped cleanly) and <see cref="Summary"/> says what was done.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation, as the token it was created with does.</param>
    /// <returns>The results.</returns>
    /// <exception cref="InvalidOperationException">The operation was started before.</exception>
    public async IAsyncEnumerator<BulkItemResult> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        MarkStarted();
        using var run = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken, cancellationToken);
        using var consumerGone = new CancellationTokenSource();
        var results = Channel.CreateBounded<BulkItemResult>(new BoundedChannelOptions(ResultBuffer) { SingleReader = true });
        var task = RunIntoAsync(results.Writer, run.Token, consumerGone.Token);
        try
        {
            while (await results.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (results.Reader.TryRead(out var result))
                {
                    yield return result;
                }
            }

            Summary = await task.ConfigureAwait(false);
        }
        finally
        {
            if (!task.IsCompleted)
            {
                // The caller left the loop: stop the operation and drop the results nobody reads.
                await consumerGone.CancelAsync().ConfigureAwait(false);
                await run.CancelAsync().ConfigureAwait(false);
                Summary = await task.ConfigureAwait(false);
            }
        }
    }

    private async Task<BulkSummary> RunIntoAsync(ChannelWriter<BulkItemResult> writer, CancellationToken cancellationToken, CancellationToken consumerGone)
    {
        try
        {
            return await _run(async result =>
            {
                try
                {
                    await writer.WriteAsync(result, consumerGone).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (consumerGone.IsCancellationRequested)
                {
                    // Nobody reads any more.
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private void MarkStarted()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("A bulk operation runs once; call the method again for another run.");
        }
    }
}
