using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using S3Client;
using S3Client.Options.Internal;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Registers S3 clients from connection strings, the way .NET Aspire's client integrations do:
/// <c>builder.AddS3Client("storage")</c> reads <c>ConnectionStrings:storage</c>
/// (<c>Endpoint=...;Region=...;AccessKeyId=...;SecretAccessKey=...</c>). The <c>"S3"</c> section (a keyed client:
/// <c>"S3:Clients:{name}"</c>) adds the other settings (retries, timeouts, transfers); what the connection string names
/// wins over the section, and the optional configuration delegate wins over both.
/// </summary>
public static class S3ClientHostApplicationBuilderExtensions
{
    /// <summary>The section whose settings apply on top of the connection string: <c>"S3"</c>.</summary>
    public const string DefaultConfigSectionName = "S3";

    /// <summary>Registers the default <see cref="IS3Client"/> from <c>ConnectionStrings:{connectionName}</c> and the <c>"S3"</c> section.</summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="connectionName">The connection string's name, such as <c>storage</c>.</param>
    /// <param name="configure">Changes the options last; optional.</param>
    /// <returns>A builder for further setup of the client's HTTP pipeline.</returns>
    public static IS3ClientBuilder AddS3Client(this IHostApplicationBuilder builder, string connectionName, Action<S3ClientOptions>? configure = null) =>
        Add(builder, Options.Options.DefaultName, connectionName, builder?.Configuration.GetSection(DefaultConfigSectionName), configure);

    /// <summary>
    /// Registers a keyed client named <paramref name="name"/> from <c>ConnectionStrings:{name}</c> and the
    /// <c>"S3:Clients:{name}"</c> section (optional): resolve it with <c>[FromKeyedServices(name)] IS3Client</c>.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="name">The client and connection string name.</param>
    /// <param name="configure">Changes the options last; optional.</param>
    /// <returns>A builder for further setup of the client's HTTP pipeline.</returns>
    public static IS3ClientBuilder AddKeyedS3Client(this IHostApplicationBuilder builder, string name, Action<S3ClientOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Add(builder, name, name, builder?.Configuration.GetSection($"{DefaultConfigSectionName}:Clients:{name}"), configure);
    }

    private static IS3ClientBuilder Add(
        IHostApplicationBuilder? builder, string name, string connectionName, IConfigurationSection? section, Action<S3ClientOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionName);
        var services = builder.Services;
        var client = services.AddS3Client(name, _ => { });
        if (section!.Exists())
        {
            S3ConfigurationChecks.AddForSection(services, name, section);
            services.AddOptions<S3ClientOptions>(name).Bind(section);
        }

        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<S3ClientOptions>>(new S3ConnectionStringSetup(name, connectionName, builder.Configuration));
        if (configure is not null)
        {
            services.Configure(name, configure);
        }

        return client;
    }
}
