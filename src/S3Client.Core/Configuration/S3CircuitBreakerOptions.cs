namespace S3Client;

/// <summary>
/// The circuit breaker of one client (one endpoint): when the share of failed attempts in a sampling window passes
/// <see cref="FailureRatio"/>, calls fail fast for <see cref="BreakDuration"/>. Slow but successful transfers are
/// not failures and never open it.
/// </summary>
public sealed class S3CircuitBreakerOptions
{
    /// <summary>Whether the circuit breaker is used. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The failure share (0..1] that opens the circuit. Default 0.5.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>The least number of attempts in a window before the circuit may open. Default 20.</summary>
    public int MinimumThroughput { get; set; } = 20;

    /// <summary>The sampling window. Default 30 s.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open. Default 5 s.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
