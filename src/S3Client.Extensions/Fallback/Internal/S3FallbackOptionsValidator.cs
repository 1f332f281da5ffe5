using Microsoft.Extensions.Options;

namespace S3Client.Fallback.Internal;

/// <summary>
/// Checks <see cref="S3ClientOptions.Fallback"/> at start (beside the main validator), with messages that name the
/// setting and the fix.
/// </summary>
internal sealed class S3FallbackOptionsValidator : IValidateOptions<S3ClientOptions>
{
    private static readonly TimeSpan MaxHedgeDelay = TimeSpan.FromMinutes(1);

    public ValidateOptionsResult Validate(string? name, S3ClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fallback = options.Fallback;
        if (fallback is null)
        {
            return ValidateOptionsResult.Fail($"{Section(name)}: Fallback must not be null; leave it out to turn fallback off.");
        }

        var failures = new List<string>();
        var section = Section(name) + ": Fallback";
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fallback.Endpoints.Count; i++)
        {
            ValidateEndpoint(fallback.Endpoints[i], $"{section}:Endpoints:{i}", names, failures);
        }

        if (!Enum.IsDefined(fallback.Mode))
        {
            failures.Add($"{section}:Mode must be Failover or Hedged.");
        }
        else if (fallback.Mode == S3FallbackMode.Hedged && fallback.Endpoints.Count == 0)
        {
            failures.Add($"{section}:Mode is Hedged but there are no Endpoints to hedge to; add an endpoint or use Failover.");
        }

        if (fallback.HedgeDelay <= TimeSpan.Zero || fallback.HedgeDelay > MaxHedgeDelay)
        {
            failures.Add($"{section}:HedgeDelay must be more than 0 and at most 00:01:00 (default 00:00:00.150; about the p95 of healthy reads).");
        }

        var cache = fallback.Cache;
        if (cache is null)
        {
            failures.Add($"{section}:Cache must not be null; leave Directory unset to turn the cache off.");
        }
        else if (cache.IsEnabled)
        {
            if (cache.Directory!.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            {
                failures.Add($"{section}:Cache:Directory contains characters that are not allowed in a path.");
            }

            if (cache.MaxObjectBytes < 1 || cache.MaxBytes < cache.MaxObjectBytes)
            {
                failures.Add($"{section}:Cache needs 0 < MaxObjectBytes <= MaxBytes (defaults 16 MiB and 1 GiB).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateEndpoint(S3FallbackEndpoint? endpoint, string path, HashSet<string> names, List<string> failures)
    {
        if (endpoint is null)
        {
            failures.Add($"{path} is empty; give it at least a Name and a ServiceUrl.");
            return;
        }

        if (string.IsNullOrWhiteSpace(endpoint.Name))
        {
            failures.Add($"{path}:Name is required: it names the source of the reads this endpoint serves (for example 'replica').");
        }
        else if (endpoint.Name is S3ReadSource.PrimaryName or S3ReadSource.CacheName || !names.Add(endpoint.Name))
        {
            failures.Add($"{path}:Name '{endpoint.Name}' is taken: names must be unique and neither 'primary' nor 'cache'.");
        }

        if (endpoint.ServiceUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.UserInfo)))
        {
            failures.Add($"{path}:ServiceUrl '{url}' must be an absolute http:// or https:// URL without query or user info.");
        }

        if (endpoint.Region is not null && string.IsNullOrWhiteSpace(endpoint.Region))
        {
            failures.Add($"{path}:Region is empty; set the replica's region or remove it to use the client's.");
        }

        if (endpoint.AddressingStyle is { } style && !Enum.IsDefined(style))
        {
            failures.Add($"{path}:AddressingStyle must be Auto, VirtualHosted or Path.");
        }

        var hasKeyId = !string.IsNullOrWhiteSpace(endpoint.AccessKeyId);
        if (hasKeyId != !string.IsNullOrEmpty(endpoint.SecretAccessKey) || (!hasKeyId && !string.IsNullOrEmpty(endpoint.SessionToken)))
        {
            failures.Add($"{path}: set AccessKeyId and SecretAccessKey (and optionally SessionToken) together, or none of them to use the client's credentials.");
        }
    }

    private static string Section(string? name) => string.IsNullOrEmpty(name) ? "S3" : $"S3 client '{name}'";
}
