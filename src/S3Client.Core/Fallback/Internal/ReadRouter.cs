using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace S3Client.Fallback.Internal;

/// <summary>
/// Sends one read to the primary and, when needed, to the fallback endpoints in order. Failover: the next endpoint is
/// asked after a failure that another endpoint may not have (<see cref="FallbackFailures.ShouldTryNext"/>). Hedged:
/// also when the newest request has not answered within the hedge delay (a <see cref="TimeProvider"/> timer), at most
/// once per endpoint; the first success wins and the others are cancelled, their late answers released.
/// </summary>
internal sealed class ReadRouter
{
    private readonly IReadOnlyList<KeyValuePair<string, IS3Client>> _endpoints;
    private readonly S3FallbackOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly FallbackMetrics _metrics;

    public ReadRouter(IReadOnlyList<KeyValuePair<string, IS3Client>> endpoints, S3FallbackOptions options, TimeProvider timeProvider, ILogger logger, FallbackMetrics metrics)
    {
        _endpoints = endpoints;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _metrics = metrics;
    }

    public int Count => _endpoints.Count;

    public string NameOf(int index) => _endpoints[index].Key;

    public S3ReadSource SourceOf(int index) => index == 0 ? S3ReadSource.Primary : S3ReadSource.FromEndpoint(_endpoints[index].Key);

    /// <summary>Runs <paramref name="read"/> against the endpoints; the value and the index of the endpoint that served it.</summary>
    /// <exception cref="FallbackExhaustedException">No endpoint could serve the read.</exception>
    public async Task<(T Value, int Endpoint)> ReadAsync<T>(
        string operation, Func<IS3Client, string, CancellationToken, Task<T>> read, Action<T>? release, bool hedge, CancellationToken cancellationToken)
    {
        hedge &= _options.Mode == S3FallbackMode.Hedged && _endpoints.Count > 1;
        var attempts = new List<Attempt<T>>(_endpoints.Count);
        var failures = new Exception?[_endpoints.Count];
        var stopStarting = false;
        using var hedgeTimer = new HedgeTimer(_timeProvider, hedge ? _options.HedgeDelay : null);
        try
        {
            attempts.Add(Attempt<T>.Start(0, _endpoints[0], read, cancellationToken));
            hedgeTimer.Restart(cancellationToken);
            while (true)
            {
                var running = attempts.Where(a => !a.Observed).Select(a => a.Task).ToList();
                if (running.Count == 0)
                {
                    throw Exhausted(operation, failures, attempts.Count, stopStarting);
                }

                var canHedge = !stopStarting && attempts.Count < _endpoints.Count;
                var finished = await Task.WhenAny(canHedge ? [.. running, hedgeTimer.Elapsed] : running).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (finished == hedgeTimer.Elapsed)
                {
                    var next = attempts.Count;
                    Log.Hedging(_logger, operation, NameOf(next - 1), _options.HedgeDelay.TotalMilliseconds, NameOf(next));
                    _metrics.Hedge(operation, NameOf(next));
                    Activity.Current?.AddTag("s3client.fallback.hedged_to", NameOf(next));
                    attempts.Add(Attempt<T>.Start(next, _endpoints[next], read, cancellationToken));
                    hedgeTimer.Restart(cancellationToken);
                    continue;
                }

                var attempt = attempts.First(a => a.Task == finished);
                attempt.Observed = true;
                if (attempt.Task.IsCompletedSuccessfully)
                {
                    attempt.Finish();
                    ReleaseOthers(attempts, attempt, release);
                    return (attempt.Task.Result, attempt.Index);
                }

                var error = attempt.Task.Exception?.InnerException ?? new TaskCanceledException(attempt.Task);
                failures[attempt.Index] = error;
                if (!FallbackFailures.ShouldTryNext(error, attempt.Index > 0, _options, cancellationToken))
                {
                    if (attempt.Index == 0)
                    {
                        // The primary's answer (a 404, 403, 412, ...) is the answer.
                        ReleaseOthers(attempts, attempt, release);
                        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
                    }

                    stopStarting = true;
                    continue;
                }

                if (!stopStarting && attempts.Count < _endpoints.Count && attempts.All(a => a.Observed))
                {
                    var next = attempts.Count;
                    Log.FailingOver(_logger, operation, NameOf(attempt.Index), Describe(error), NameOf(next));
                    _metrics.Failover(operation, NameOf(attempt.Index));
                    attempts.Add(Attempt<T>.Start(next, _endpoints[next], read, cancellationToken));
                    hedgeTimer.Restart(cancellationToken);
                }
            }
        }
        catch
        {
            ReleaseOthers(attempts, null, release);
            throw;
        }
    }

    private FallbackExhaustedException Exhausted(string operation, Exception?[] failures, int tried, bool stopped)
    {
        var primary = failures[0] ?? new InvalidOperationException("The primary was not asked.");
        for (var i = 1; i < failures.Length; i++)
        {
            if (failures[i] is { } other)
            {
                primary.Data[$"S3Client.Fallback.{NameOf(i)}"] = other;
            }
        }

        Log.Exhausted(_logger, operation, tried, Describe(primary));
        return new FallbackExhaustedException(primary, allTransient: !stopped && tried == _endpoints.Count);
    }

    private static void ReleaseOthers<T>(List<Attempt<T>> attempts, Attempt<T>? winner, Action<T>? release)
    {
        foreach (var other in attempts.Where(a => a != winner))
        {
            other.Abandon(release);
        }
    }

    internal static string Describe(Exception e) => e is S3Exception s3
        ? $"{(int)s3.StatusCode} {s3.ErrorCode}".TrimEnd()
        : e.GetType().Name;

    private sealed class Attempt<T>
    {
        private readonly CancellationTokenSource _cts;

        private Attempt(int index, Task<T> task, CancellationTokenSource cts)
        {
            Index = index;
            Task = task;
            _cts = cts;
        }

        public int Index { get; }

        public Task<T> Task { get; }

        public bool Observed { get; set; }

        public static Attempt<T> Start(
            int index, KeyValuePair<string, IS3Client> endpoint, Func<IS3Client, string, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        {
            var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task<T> task;
            try
            {
                task = read(endpoint.Value, endpoint.Key, cts.Token);
            }
            catch (Exception e)
            {
                task = System.Threading.Tasks.Task.FromException<T>(e);
            }

            return new Attempt<T>(index, task, cts);
        }

        /// <summary>Releases the linked token of the winner (its answer no longer needs it).</summary>
        public void Finish() => _cts.Dispose();

        /// <summary>Cancels a request that lost (or was left running) and releases its answer if one still arrives.</summary>
        public void Abandon(Action<T>? release)
        {
            if (!Task.IsCompleted)
            {
                // Cancellation callbacks (tearing down the loser's connection) run off the winner's path.
                _ = _cts.CancelAsync();
            }

            _ = Task.ContinueWith(
                static (t, state) =>
                {
                    var (cts, release) = ((CancellationTokenSource, Action<T>?))state!;
                    cts.Dispose();
                    if (t.IsCompletedSuccessfully)
                    {
                        release?.Invoke(t.Result);
                    }
                    else
                    {
                        _ = t.Exception; // observed: a loser's failure is expected
                    }
                },
                (_cts, release),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }
}
