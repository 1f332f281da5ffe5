using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace S3Client.Options.Internal;

/// <summary>
/// Finds the mistakes in a client's configuration section that binding would pass over silently or report badly:
/// unknown settings (with the closest known one), enum values that do not parse (with the valid ones), and a named
/// client whose section is missing (named clients do not inherit the default "S3" section).
/// </summary>
internal static class S3ConfigurationKeyCheck
{
    /// <summary>The section the default client's named clients live in, by convention (<c>"S3:Clients:{name}"</c>).</summary>
    public const string NamedClientsKey = "Clients";

    /// <summary>The problems found, one message each; empty when the section is fine.</summary>
    /// <param name="name">The client name; empty for the default client.</param>
    /// <param name="section">The client's section.</param>
    public static List<string> Check(string name, IConfiguration section)
    {
        var failures = new List<string>();
        var path = (section as IConfigurationSection)?.Path ?? string.Empty;
        var client = string.IsNullOrEmpty(name) ? "S3 client" : $"S3 client '{name}'";
        if (!string.IsNullOrEmpty(name) && !section.GetChildren().Any())
        {
            failures.Add($"{client}: configuration section '{path}' is missing or empty. Named clients do not inherit settings from the " +
                "default \"S3\" section: give this client its own ServiceUrl, Region and credentials there.");
            return failures;
        }

        // The default client's section holds the named clients' sections, by convention.
        CheckAgainst(client, section, S3ConfigurationShape.Client, failures, skip: string.IsNullOrEmpty(name) ? NamedClientsKey : null);
        return failures;
    }

    /// <summary>Checks the settings under <paramref name="section"/> against the settings <paramref name="shape"/> knows.</summary>
    public static void CheckAgainst(string client, IConfiguration section, S3ConfigurationNode shape, List<string> failures, string? skip = null)
    {
        foreach (var child in section.GetChildren())
        {
            if (!child.Key.Equals(skip, StringComparison.OrdinalIgnoreCase))
            {
                Check(client, child, shape, failures);
            }
        }
    }

    private static void Check(string client, IConfigurationSection setting, S3ConfigurationNode parent, List<string> failures)
    {
        if (!parent.Children.TryGetValue(setting.Key, out var node))
        {
            var suggestion = EditDistance.Suggest(setting.Key, parent.Children.Keys);
            failures.Add(suggestion is not null
                ? $"{client}: unknown setting '{setting.Path}'; did you mean '{suggestion}'?"
                : $"{client}: unknown setting '{setting.Path}'; the settings here are {string.Join(", ", parent.Children.Keys.Order(StringComparer.Ordinal))}.");
            return;
        }

        CheckValue(client, setting, node, failures);
    }

    private static void CheckValue(string client, IConfigurationSection setting, S3ConfigurationNode node, List<string> failures)
    {
        if (node.EnumNames is { } names && setting.Value is { Length: > 0 } value
            && !names.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase) && !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            failures.Add($"{client}: '{setting.Path}' is '{value}', which is not valid; use one of {string.Join(", ", names)}.");
        }

        foreach (var child in setting.GetChildren())
        {
            if (node.IsSection)
            {
                Check(client, child, node, failures);
            }
            else if ((node.Element ?? node.Value) is { } item)
            {
                if (node.Element is not null && !int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    failures.Add($"{client}: '{child.Path}' is not a list index; '{setting.Path}' is a list (write it as a JSON array).");
                    continue;
                }

                CheckValue(client, child, item, failures);
            }
            else
            {
                failures.Add($"{client}: '{setting.Path}' takes a single value, not the sub-setting '{child.Key}'.");
            }
        }
    }
}
