using Polly;

namespace S3Client.DependencyInjection.Internal;

/// <summary>What the app changed in a client's resilience pipeline (named options, one per client).</summary>
internal sealed class S3ResilienceCustomization
{
    public bool ReplaceDefaults { get; set; }

    public List<Action<ResiliencePipelineBuilder<HttpResponseMessage>, IServiceProvider>> Configure { get; } = [];
}
