using Microsoft.Extensions.Options;

namespace S3Client.Options.Internal;

/// <summary>
/// Checks <see cref="S3ClientOptions"/> at start, with messages that name the setting and the fix: the range rules
/// source-generated from the options' DataAnnotations attributes, then the rules that span several settings.
/// </summary>
internal sealed class S3ClientOptionsValidator : IValidateOptions<S3ClientOptions>
{
    private static readonly S3ClientOptionsRangeValidator Ranges = new();
    private static readonly S3RetryOptionsRangeValidator RetryRanges = new();
    private static readonly S3TimeoutOptionsRangeValidator TimeoutRanges = new();

    public ValidateOptionsResult Validate(string? name, S3ClientOptions options)
    {
        var failures = new List<string>();
        var section = string.IsNullOrEmpty(name) ? "S3" : $"S3 client '{name}'";
        AddRangeFailures(failures, section, Ranges.Validate(name, options), "S3ClientOptions.", string.Empty);
        AddRangeFailures(failures, section, RetryRanges.Validate(name, options.Retry), "S3RetryOptions.", "Retry:");
        AddRangeFailures(failures, section, TimeoutRanges.Validate(name, options.Timeouts), "S3TimeoutOptions.", "Timeouts:");

        if (options.ServiceUrl is { } url)
        {
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"{section}: ServiceUrl '{url}' must be an absolute http:// or https:// URL, such as https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:9000.");
            }
            else if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.UserInfo))
            {
                failures.Add($"{section}: ServiceUrl must not contain a query or user info; put credentials in AccessKeyId/SecretAccessKey.");
            }
        }

        if (options.Region is not null && string.IsNullOrWhiteSpace(options.Region))
        {
            failures.Add($"{section}: Region is empty; set it to the bucket's region (for example us-east-1; Cloudflare R2 uses 'auto') or remove it to use AWS_REGION.");
        }

        var hasKeyId = !string.IsNullOrWhiteSpace(options.AccessKeyId);
        var hasSecret = !string.IsNullOrEmpty(options.SecretAccessKey);
        if (hasKeyId != hasSecret)
        {
            failures.Add($"{section}: set both AccessKeyId and SecretAccessKey, or neither (to use CredentialsProvider, the AWS_* environment variables or the shared credentials file).");
        }
        else if (!hasKeyId && S3CredentialsChain.TryResolve(options) is null)
        {
            failures.Add($"{section}: {S3CredentialsChain.NoCredentialsMessage}");
        }

        ValidateResilience(options, section, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateResilience(S3ClientOptions options, string section, List<string> failures)
    {
        var retry = options.Retry;
        if (retry.BaseDelay <= TimeSpan.Zero || retry.MaxDelay < retry.BaseDelay || retry.MinThrottleDelay < TimeSpan.Zero)
        {
            failures.Add($"{section}: Retry delays need 0 < BaseDelay <= MaxDelay and MinThrottleDelay >= 0 (for example BaseDelay 00:00:00.200, MaxDelay 00:00:20).");
        }

        var breaker = options.CircuitBreaker;
        if (breaker.Enabled && (breaker.FailureRatio is <= 0 or > 1 || breaker.MinimumThroughput < 2
            || breaker.SamplingDuration < TimeSpan.FromMilliseconds(500) || breaker.BreakDuration < TimeSpan.FromMilliseconds(500)))
        {
            failures.Add($"{section}: CircuitBreaker needs FailureRatio in (0, 1], MinimumThroughput >= 2, and SamplingDuration and BreakDuration of at least 0.5 s.");
        }

        var timeouts = options.Timeouts;
        if (timeouts.AttemptTimeout < TimeSpan.FromMilliseconds(10) || timeouts.AttemptTimeout > TimeSpan.FromDays(1))
        {
            failures.Add($"{section}: Timeouts:AttemptTimeout must be from 10 ms to 1 day (default 00:01:00).");
        }

        if (timeouts.TotalTimeout is { } total && total < timeouts.AttemptTimeout)
        {
            failures.Add($"{section}: Timeouts:TotalTimeout ({total}) is shorter than AttemptTimeout ({timeouts.AttemptTimeout}); raise it or leave it unset.");
        }

        if (Transfer.Internal.TransferOptionsValidator.FirstFailure(options.Transfer) is { } transfer)
        {
            failures.Add($"{section}: Transfer: {transfer.Message}");
        }
    }

    // The generated validators report "MaxRetryAttempts: The field S3RetryOptions.MaxRetryAttempts must be between 0
    // and 100."; the setting is named once, as it is configured: "Retry:MaxRetryAttempts must be between 0 and 100."
    private static void AddRangeFailures(List<string> failures, string section, ValidateOptionsResult result, string typePrefix, string configurationPrefix)
    {
        if (!result.Failed)
        {
            return;
        }

        foreach (var failure in result.Failures)
        {
            var colon = failure.IndexOf(": ", StringComparison.Ordinal);
            var message = (colon > 0 && !failure.AsSpan(0, colon).Contains(' ') ? failure[(colon + 2)..] : failure)
                .Replace("The field " + typePrefix, configurationPrefix, StringComparison.Ordinal);
            failures.Add($"{section}: {message}");
        }
    }
}
