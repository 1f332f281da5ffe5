using Microsoft.Extensions.Options;

namespace S3Client.Testing.DependencyInjection.Internal;

/// <summary>
/// Builds <see cref="S3ClientOptions"/> as usual, except that the options of a client replaced by an in-memory one are
/// not validated: an app test needs neither the endpoint nor the credentials of a client that sends nothing. The
/// bound settings (such as Transfer, which apps read) are kept when they bind; when they cannot be bound, the defaults.
/// </summary>
internal sealed class InMemoryS3OptionsFactory(
    IEnumerable<IConfigureOptions<S3ClientOptions>> setups,
    IEnumerable<IPostConfigureOptions<S3ClientOptions>> postConfigures,
    IEnumerable<IValidateOptions<S3ClientOptions>> validations,
    InMemoryS3ClientNames replaced) : IOptionsFactory<S3ClientOptions>
{
    private readonly OptionsFactory<S3ClientOptions> _validated = new(setups, postConfigures, validations);
    private readonly OptionsFactory<S3ClientOptions> _unvalidated = new(setups, postConfigures, []);

    public S3ClientOptions Create(string name)
    {
        if (!replaced.Contains(name))
        {
            return _validated.Create(name);
        }

        try
        {
            return _unvalidated.Create(name);
        }
        catch (OptionsValidationException)
        {
            return new S3ClientOptions();
        }
    }
}
