namespace S3Client.Options.Internal;

/// <summary>
/// One bindable setting of an options class (or the class itself, at the root): its sub-settings when it is a section,
/// its element's node when it is a list, its valid names when it is an enum.
/// </summary>
internal sealed class S3ConfigurationNode(string name)
{
    /// <summary>The property name, as written in configuration.</summary>
    public string Name { get; } = name;

    /// <summary>The settings of a section (an options class), case-insensitive as configuration keys are.</summary>
    public Dictionary<string, S3ConfigurationNode> Children { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A list or array: any index is a valid key, and each element is checked against this node.</summary>
    public S3ConfigurationNode? Element { get; set; }

    /// <summary>A dictionary: any key is valid, and each value is checked against this node.</summary>
    public S3ConfigurationNode? Value { get; set; }

    /// <summary>The names an enum setting accepts.</summary>
    public IReadOnlyList<string>? EnumNames { get; set; }

    /// <summary>Whether the setting has sub-settings (a section) rather than a value.</summary>
    public bool IsSection => Children.Count > 0;
}
