namespace S3Client.Testing.DependencyInjection.Internal;

/// <summary>The names of the clients replaced by in-memory ones in one service collection.</summary>
internal sealed class InMemoryS3ClientNames : HashSet<string>
{
    public InMemoryS3ClientNames()
        : base(StringComparer.Ordinal)
    {
    }
}
