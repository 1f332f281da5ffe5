using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace S3Client.Options.Internal;

/// <summary>
/// Applies <c>ConnectionStrings:{connectionName}</c> to a client's options after its configuration section is bound, so
/// what the connection string names (endpoint, region, credentials) wins over the section, as in .NET Aspire's client
/// integrations, and code configuration registered later wins over both. A missing or malformed connection string
/// fails at start with a message that never contains its values.
/// </summary>
internal sealed class S3ConnectionStringSetup(string name, string connectionName, IConfiguration configuration) : IConfigureNamedOptions<S3ClientOptions>
{
    public void Configure(string? optionsName, S3ClientOptions options)
    {
        if (!string.Equals(optionsName ?? Microsoft.Extensions.Options.Options.DefaultName, name, StringComparison.Ordinal))
        {
            return;
        }

        var client = string.IsNullOrEmpty(name) ? "S3 client" : $"S3 client '{name}'";
        if (configuration.GetConnectionString(connectionName) is not { Length: > 0 } connectionString)
        {
            throw new OptionsValidationException(name, typeof(S3ClientOptions), [
                $"{client}: the connection string 'ConnectionStrings:{connectionName}' is missing; set it to " +
                "Endpoint=...;Region=...;AccessKeyId=...;SecretAccessKey=... (for example ConnectionStrings__" + connectionName + " in the environment)."]);
        }

        try
        {
            S3ConnectionString.Apply(connectionString, options);
        }
        catch (FormatException e)
        {
            throw new OptionsValidationException(name, typeof(S3ClientOptions), [$"{client}: ConnectionStrings:{connectionName}: {e.Message}"]);
        }
    }

    public void Configure(S3ClientOptions options) => Configure(Microsoft.Extensions.Options.Options.DefaultName, options);
}
