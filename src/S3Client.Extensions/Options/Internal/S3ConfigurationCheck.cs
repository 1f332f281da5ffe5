using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace S3Client.Options.Internal;

/// <summary>
/// Checks a client's configuration section before it is bound (registered ahead of the binding): an unknown or
/// misspelled setting, or an enum value the binder would fail on, stops the host at start with a message that names
/// the setting and the fix, instead of being ignored (a misspelled ServiceUrl sends the client to AWS) or reported as
/// a conversion error or a complaint about another setting.
/// </summary>
internal sealed class S3ConfigurationCheck(string name, IConfiguration section) : IConfigureNamedOptions<S3ClientOptions>
{
    public void Configure(string? optionsName, S3ClientOptions options)
    {
        if (!string.Equals(optionsName ?? Microsoft.Extensions.Options.Options.DefaultName, name, StringComparison.Ordinal))
        {
            return;
        }

        var failures = S3ConfigurationKeyCheck.Check(name, section);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(name, typeof(S3ClientOptions), failures);
        }
    }

    public void Configure(S3ClientOptions options) => Configure(Microsoft.Extensions.Options.Options.DefaultName, options);
}
