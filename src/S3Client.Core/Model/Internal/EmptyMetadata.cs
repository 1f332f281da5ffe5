using System.Collections.ObjectModel;

namespace S3Client.Model.Internal;

/// <summary>The shared empty metadata dictionary, so results never carry null collections.</summary>
internal static class EmptyMetadata
{
    public static readonly IReadOnlyDictionary<string, string> Instance =
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
}
