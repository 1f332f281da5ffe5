using Microsoft.Extensions.Options;

namespace S3Client.Options.Internal;

// Source-generated from the DataAnnotations attributes on the options types (AOT-safe: no reflection at run time).
// S3ClientOptionsValidator runs them and adds the rules that span several settings.

/// <summary>The range rules of <see cref="S3ClientOptions"/>' own settings.</summary>
#pragma warning disable SYSLIB1212 // Retry and Timeouts have validators of their own, run with their section's name.
[OptionsValidator]
internal sealed partial class S3ClientOptionsRangeValidator : IValidateOptions<S3ClientOptions>;
#pragma warning restore SYSLIB1212

/// <summary>The range rules of <see cref="S3RetryOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class S3RetryOptionsRangeValidator : IValidateOptions<S3RetryOptions>;

/// <summary>The range rules of <see cref="S3TimeoutOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class S3TimeoutOptionsRangeValidator : IValidateOptions<S3TimeoutOptions>;
