using Microsoft.Extensions.DependencyInjection;

namespace S3Client.DependencyInjection.Internal;

/// <summary>Resolves named clients from their keyed registrations, so each name has one shared client.</summary>
internal sealed class S3ClientFactory(IServiceProvider services) : IS3ClientFactory
{
    public IS3Client GetClient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return services.GetKeyedService<IS3Client>(name)
            ?? throw new InvalidOperationException($"No S3 client named '{name}' is registered; call services.AddS3Client(\"{name}\", ...).");
    }
}
