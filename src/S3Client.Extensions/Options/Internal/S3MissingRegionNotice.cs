using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace S3Client.Options.Internal;

/// <summary>
/// Logs once per client, when its options are first built (at start with ValidateOnStart), that a custom ServiceUrl has
/// no Region and which region the signatures use instead: a service that expects another one answers
/// SignatureDoesNotMatch or AuthorizationHeaderMalformed, and this line is the hint.
/// </summary>
internal sealed class S3MissingRegionNotice(ILoggerFactory? loggerFactory = null) : IPostConfigureOptions<S3ClientOptions>
{
    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("S3Client.Configuration");

    public void PostConfigure(string? name, S3ClientOptions options)
    {
        if (options.ServiceUrl is not null && string.IsNullOrWhiteSpace(options.Region))
        {
            Log.RegionNotSet(_logger, string.IsNullOrEmpty(name) ? "(default)" : name, options.ServiceUrl, S3CredentialsChain.ResolveRegion(options));
        }
    }
}
