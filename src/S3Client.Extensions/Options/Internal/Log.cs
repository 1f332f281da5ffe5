using Microsoft.Extensions.Logging;

namespace S3Client.Options.Internal;

/// <summary>Configuration log events; ids 201-299.</summary>
internal static partial class Log
{
    [LoggerMessage(201, LogLevel.Information,
        "S3 client {Name}: ServiceUrl {ServiceUrl} is set but Region is not, so requests are signed for region '{Region}' " +
        "(from AWS_REGION, AWS_DEFAULT_REGION or the default us-east-1). Set Region if the service expects another.")]
    public static partial void RegionNotSet(ILogger logger, string name, Uri serviceUrl, string region);
}
