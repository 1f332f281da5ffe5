namespace S3Client;

/// <summary>What kind of source served a read (<see cref="S3ReadSource.Kind"/>).</summary>
public enum S3ReadSourceKind
{
    /// <summary>The client's own endpoint.</summary>
    Primary,

    /// <summary>A fallback endpoint (<see cref="S3FallbackOptions.Endpoints"/>).</summary>
    Fallback,

    /// <summary>The last-known-good cache (<see cref="S3FallbackOptions.Cache"/>).</summary>
    Cache,
}
