namespace S3Client;

/// <summary>
/// A limit on the bytes in flight, shared by every transfer that holds the budget: a bulk operation reserves each
/// item's bytes (an object's size, or part size times part concurrency for one sent in parts) before starting it, and
/// releases them when it ends. Share one budget between several operations to bound them together. Waiters are served
/// in order; a reservation larger than the whole budget waits until the budget is idle, then runs alone.
/// </summary>
public sealed class S3TransferBudget
{
    private readonly Lock _lock = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private long _inFlight;

    /// <summary>Creates a budget.</summary>
    /// <param name="maxBytesInFlight">The most bytes in flight at once; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytesInFlight"/> is below 1.</exception>
    public S3TransferBudget(long maxBytesInFlight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytesInFlight, 1);
        MaxBytesInFlight = maxBytesInFlight;
    }

    /// <summary>The most bytes in flight at once.</summary>
    public long MaxBytesInFlight { get; }

    /// <summary>The bytes reserved now.</summary>
    public long BytesInFlight
    {
        get
        {
            lock (_lock)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>Reserves <paramref name="bytes"/>, waiting until they fit; dispose the result to release them.</summary>
    /// <param name="bytes">The bytes to reserve; 0 reserves nothing and never waits.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The reservation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is negative.</exception>
    /// <exception cref="OperationCanceledException">The wait was cancelled; nothing is reserved.</exception>
    public async ValueTask<IDisposable> ReserveAsync(long bytes, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        var amount = Math.Min(bytes, MaxBytesInFlight);
        Waiter waiter;
        lock (_lock)
        {
            if (_waiters.Count == 0 && Fits(amount))
            {
                _inFlight += amount;
                return new Reservation(this, amount);
            }

            waiter = new Waiter(amount);
            waiter.Node = _waiters.AddLast(waiter);
        }

        using (cancellationToken.Register(() => Cancel(waiter, cancellationToken)))
        {
            await waiter.Granted.Task.ConfigureAwait(false);
        }

        return new Reservation(this, amount);
    }

    // An oversized reservation was clamped to the whole budget, so it fits exactly when the budget is idle.
    private bool Fits(long amount) => amount == 0 || _inFlight + amount <= MaxBytesInFlight;

    private void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (waiter.Node?.List is null)
            {
                return;
            }

            _waiters.Remove(waiter.Node);
            GrantWaiting();
        }

        waiter.Granted.TrySetCanceled(cancellationToken);
    }

    private void Release(long amount)
    {
        lock (_lock)
        {
            _inFlight -= amount;
            GrantWaiting();
        }
    }

    /// <summary>Grants waiters in order while the first one fits. Runs under the lock.</summary>
    private void GrantWaiting()
    {
        while (_waiters.First is { } first && Fits(first.Value.Amount))
        {
            _waiters.RemoveFirst();
            _inFlight += first.Value.Amount;
            first.Value.Granted.TrySetResult();
        }
    }

    private sealed class Waiter(long amount)
    {
        public long Amount { get; } = amount;

        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }
    }

    private sealed class Reservation(S3TransferBudget budget, long amount) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                budget.Release(amount);
            }
        }
    }
}
