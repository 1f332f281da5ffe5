using System.Collections.ObjectModel;

namespace S3Client.Testing.Internal;

/// <summary>Immutable tag sets, so a stored set can be handed out without copying.</summary>
internal static class TagSets
{
    public static readonly IReadOnlyDictionary<string, string> Empty =
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, string> Copy(IDictionary<string, string> tags) =>
        tags.Count == 0 ? Empty : new Dictionary<string, string>(tags, StringComparer.Ordinal).AsReadOnly();
}
