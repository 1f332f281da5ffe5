using System.Text.Json;
using S3Client.Options.Internal;

namespace S3Client.Extensions.Tests.Configuration;

/// <summary>The JSON schema shipped for IDE completion describes every bindable option, so it cannot drift.</summary>
public class ConfigurationSchemaTests
{
    private static readonly JsonElement Client = LoadClientDefinition();

    [Fact]
    public void Every_bindable_option_is_in_the_schema()
    {
        // The same list of settings as the unknown-key check at start, read from the options classes.
        var missing = new List<string>();
        Collect(S3ConfigurationShape.Client, Client, string.Empty, missing);

        missing.Should().BeEmpty();
    }

    [Fact]
    public void Every_setting_in_the_schema_is_bindable()
    {
        var extra = new List<string>();
        CollectExtra(Client, S3ConfigurationShape.Client, string.Empty, extra);

        extra.Should().BeEmpty();
    }

    [Fact]
    public void Enum_values_in_the_schema_match_the_enums()
    {
        Enum("AddressingStyle").Should().BeEquivalentTo(System.Enum.GetNames<S3AddressingStyle>());
        Enum("PayloadSigning").Should().BeEquivalentTo(System.Enum.GetNames<S3PayloadSigning>());
        Client.GetProperty("properties").GetProperty("Transfer").GetProperty("properties").GetProperty("ChecksumAlgorithm").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()).Should().BeEquivalentTo(System.Enum.GetNames<S3ChecksumAlgorithm>());
    }

    private static IEnumerable<string?> Enum(string name) =>
        Client.GetProperty("properties").GetProperty(name).GetProperty("enum").EnumerateArray().Select(e => e.GetString());

    private static void Collect(S3ConfigurationNode node, JsonElement schema, string path, List<string> missing)
    {
        var declared = schema.GetProperty("properties");
        foreach (var (name, child) in node.Children)
        {
            if (!declared.TryGetProperty(name, out var childSchema))
            {
                missing.Add(path + name);
            }
            else if (child.IsSection)
            {
                Collect(child, childSchema, path + name + ":", missing);
            }
        }
    }

    private static void CollectExtra(JsonElement schema, S3ConfigurationNode node, string path, List<string> extra)
    {
        foreach (var property in schema.GetProperty("properties").EnumerateObject())
        {
            if (!node.Children.TryGetValue(property.Name, out var child))
            {
                extra.Add(path + property.Name);
            }
            else if (property.Value.TryGetProperty("properties", out _))
            {
                CollectExtra(property.Value, child, path + property.Name + ":", extra);
            }
        }
    }

    private static JsonElement LoadClientDefinition()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ConfigurationSchema.json")));
        return document.RootElement.GetProperty("definitions").GetProperty("client").Clone();
    }
}
