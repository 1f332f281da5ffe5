using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace S3Client.Options.Internal;

/// <summary>Registers the configuration checks; one call each from <c>AddS3Client</c>.</summary>
internal static class S3ConfigurationChecks
{
    /// <summary>For every client: the start-up notice about a custom endpoint without a region.</summary>
    public static void AddForClient(IServiceCollection services) =>
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<S3ClientOptions>, S3MissingRegionNotice>());

    /// <summary>For a client bound from configuration; call before binding the section, so the check runs first.</summary>
    public static void AddForSection(IServiceCollection services, string name, IConfiguration section) =>
        services.AddSingleton<IConfigureOptions<S3ClientOptions>>(new S3ConfigurationCheck(name, section));
}
