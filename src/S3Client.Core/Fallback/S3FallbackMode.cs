namespace S3Client;

/// <summary>How a read uses the fallback endpoints (<see cref="S3FallbackOptions.Mode"/>).</summary>
public enum S3FallbackMode
{
    /// <summary>
    /// One endpoint at a time: the next is asked only after a transient failure of the previous (after its own
    /// retries). Costs nothing on healthy reads.
    /// </summary>
    Failover,

    /// <summary>
    /// Also asks the next endpoint when one has not answered headers within <see cref="S3FallbackOptions.HedgeDelay"/>;
    /// the first answer wins and the others are cancelled. Cuts tail latency for a few extra requests.
    /// </summary>
    Hedged,
}
