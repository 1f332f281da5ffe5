using System.Reflection;
using System.Text.Json;

namespace S3Client.Extensions.Tests.Configuration;

/// <summary>The JSON schema shipped for IDE completion describes every bindable option, so it cannot drift.</summary>
public class ConfigurationSchemaTests
{
    private static readonly JsonElement Client = LoadClientDefinition();

    [Fact]
    public void Every_bindable_option_is_in_the_schema()
    {
        var missing = new List<string>();
        Collect(typeof(S3ClientOptions), Client, string.Empty, missing);

        missing.Should().BeEmpty();
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

    private static void Collect(Type type, JsonElement schema, string path, List<string> missing)
    {
        var declared = schema.GetProperty("properties");
        // TransferOptions' own knobs are configuration; the write settings it inherits are per call.
        var flags = BindingFlags.Public | BindingFlags.Instance | (type == typeof(TransferOptions) ? BindingFlags.DeclaredOnly : 0);
        foreach (var property in type.GetProperties(flags).Where(p => p.CanWrite && p.Name != nameof(S3ClientOptions.CredentialsProvider)))
        {
            if (!declared.TryGetProperty(property.Name, out var child))
            {
                missing.Add(path + property.Name);
                continue;
            }

            if (property.PropertyType.IsClass && property.PropertyType != typeof(string) && property.PropertyType != typeof(Uri))
            {
                Collect(property.PropertyType, child, path + property.Name + ":", missing);
            }
        }
    }

    private static JsonElement LoadClientDefinition()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ConfigurationSchema.json")));
        return document.RootElement.GetProperty("definitions").GetProperty("client").Clone();
    }
}
