namespace S3Client.FaultInjection;

/// <summary>
/// Which requests get a <see cref="FaultAction"/>, and how often: the rule fires for the first <see cref="Times"/>
/// requests that <see cref="Match"/> accepts, then stops matching. The proxy asks its rules in the order they were added;
/// the first that fires decides, and a request no rule fires for passes through.
/// </summary>
/// <example>
/// <code>
/// proxy.Add(new FaultRule(FaultAction.S3Error(503, "SlowDown")) { Times = 2 });
/// proxy.Add(new FaultRule(FaultAction.ResetAfterRequestBytes(64 * 1024)) { Match = r => r.Method == "PUT" &amp;&amp; r.HasQueryParameter("partNumber") });
/// </code>
/// </example>
public sealed class FaultRule
{
    /// <summary>A <see cref="Times"/> that never runs out.</summary>
    public const int Unlimited = int.MaxValue;

    private readonly int _times = 1;
    private int _fired;

    /// <summary>A rule that applies <paramref name="action"/> once to any request; set <see cref="Match"/> and <see cref="Times"/> to narrow or widen it.</summary>
    public FaultRule(FaultAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Action = action;
    }

    /// <summary>What happens to a request the rule fires for.</summary>
    public FaultAction Action { get; }

    /// <summary>Which requests the rule applies to, judged by their head; every request by default.</summary>
    public Func<RequestHead, bool> Match { get; init; } = static _ => true;

    /// <summary>How many requests the rule fires for before it stops matching; 1 by default, <see cref="Unlimited"/> for always.</summary>
    public int Times
    {
        get => _times;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _times = value;
        }
    }

    /// <summary>A name for messages and <see cref="ToString"/>; the action's description when not set.</summary>
    public string? Name { get; init; }

    /// <summary>How many requests the rule has fired for so far.</summary>
    public int FiredCount => Volatile.Read(ref _fired);

    /// <summary>The name, or the action with the count, such as <c>S3Error(503, SlowDown) x2</c>.</summary>
    public override string ToString() => Name ?? (Times == Unlimited ? Action.ToString() : $"{Action} x{Times}");

    /// <summary>Fires for <paramref name="head"/> if it matches and the rule has firings left; safe to call concurrently.</summary>
    internal bool TryFire(RequestHead head)
    {
        if (Volatile.Read(ref _fired) >= _times || !Match(head))
        {
            return false;
        }

        while (true)
        {
            var fired = Volatile.Read(ref _fired);
            if (fired >= _times)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _fired, fired + 1, fired) == fired)
            {
                return true;
            }
        }
    }
}
