using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using S3Client;
using S3Client.Testing;
using S3Client.Testing.DependencyInjection.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Swaps a client registered with <c>AddS3Client</c> for an <see cref="InMemoryS3Client"/> in app tests, such as in
/// <c>WebApplicationFactory</c>'s <c>ConfigureTestServices</c>.
/// </summary>
public static class InMemoryS3ClientServiceCollectionExtensions
{
    /// <summary>
    /// Replaces the registered client named <paramref name="name"/> (the default client when null: <c>IS3Client</c> and
    /// its keyed registration; a named one: <c>[FromKeyedServices(name)]</c> and <see cref="IS3ClientFactory"/>) with an
    /// in-memory one, and skips that client's options validation at start, so no endpoint or credentials are needed.
    /// Call it after <c>AddS3Client</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client name; null or empty for the default client.</param>
    /// <param name="client">The client to use; a new <see cref="InMemoryS3Client"/> when null.</param>
    /// <returns>The in-memory client, to arrange buckets and objects and to assert on.</returns>
    public static InMemoryS3Client ReplaceS3ClientWithInMemory(this IServiceCollection services, string? name = null, InMemoryS3Client? client = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        name ??= Options.Options.DefaultName;
        client ??= new InMemoryS3Client();

        var replaced = services.Where(d => IsClientOf(d, name)).ToList();
        foreach (var descriptor in replaced)
        {
            services.Remove(descriptor);
        }

        services.AddKeyedSingleton<IS3Client>(name, client);
        if (name.Length == 0)
        {
            services.AddSingleton<IS3Client>(client);
        }

        ReplacedNames(services).Add(name);
        services.Replace(ServiceDescriptor.Transient<IOptionsFactory<S3ClientOptions>, InMemoryS3OptionsFactory>());
        return client;
    }

    private static bool IsClientOf(ServiceDescriptor descriptor, string name) =>
        descriptor.ServiceType == typeof(IS3Client)
        && (descriptor.IsKeyedService ? Equals(descriptor.ServiceKey, name) : name.Length == 0);

    private static InMemoryS3ClientNames ReplacedNames(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(InMemoryS3ClientNames))?.ImplementationInstance is InMemoryS3ClientNames names)
        {
            return names;
        }

        names = new InMemoryS3ClientNames();
        services.AddSingleton(names);
        return names;
    }
}
