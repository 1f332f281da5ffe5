using Microsoft.Extensions.Configuration;
using S3Client.Options.Internal;

namespace S3Client.Extensions.Tests.Configuration;

/// <summary>The known settings come from the options classes: a new section is one Add line, a new property nothing.</summary>
public class ConfigurationShapeTests
{
    [Fact]
    public void The_client_shape_has_every_section_of_the_options()
    {
        var client = S3ConfigurationShape.Client;

        client.Children.Keys.Should().Contain(["ServiceUrl", "Region", "Retry", "CircuitBreaker", "Timeouts", "Transfer", "Diagnostics"]);
        client.Children.Keys.Should().NotContain(nameof(S3ClientOptions.CredentialsProvider));
        client.Children["Transfer"].Children.Keys.Should().Contain(["PartSize", "ContentType", "Metadata"]).And.NotContain("CustomerKey");
        client.Children["AddressingStyle"].EnumNames.Should().Equal(Enum.GetNames<S3AddressingStyle>());
    }

    [Fact]
    public void A_section_class_that_is_not_added_fails_loudly_naming_the_line_to_add()
    {
        var act = () => new S3ConfigurationShape().Add<Root>().Add<FallbackOptions>().Build(typeof(Root));

        act.Should().Throw<InvalidOperationException>().WithMessage(
            "FallbackOptions.Cache is a section of type FallbackCacheOptions that the configuration check does not know: add .Add<FallbackCacheOptions>()*");
    }

    [Fact]
    public void A_fallback_section_with_lists_enums_and_a_nested_section_is_checked()
    {
        // What adding the section to S3ClientOptions takes: one Add line per new options class.
        var shape = new S3ConfigurationShape().Add<Root>().Add<FallbackOptions>().Add<FallbackCacheOptions>().Build(typeof(Root));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["S3:Fallback:Endpoints:0"] = "http://127.0.0.1:9001",
            ["S3:Fallback:Endpoints:x"] = "http://127.0.0.1:9002",
            ["S3:Fallback:Mode"] = "Hedge",
            ["S3:Fallback:OnNotFound"] = "Retry",
            ["S3:Fallback:HedgeDelay"] = "00:00:01",
            ["S3:Fallback:Cache:Directory"] = "cache",
            ["S3:Fallback:Cache:MaxByte"] = "1000",
        }).Build();

        var failures = new List<string>();
        S3ConfigurationKeyCheck.CheckAgainst("S3 client", configuration.GetSection("S3"), shape, failures);

        failures.Should().BeEquivalentTo(
            "S3 client: 'S3:Fallback:Endpoints:x' is not a list index; 'S3:Fallback:Endpoints' is a list (write it as a JSON array).",
            "S3 client: 'S3:Fallback:OnNotFound' is 'Retry', which is not valid; use one of Fail, UseFallback.",
            "S3 client: unknown setting 'S3:Fallback:Cache:MaxByte'; did you mean 'MaxBytes'?");
    }

    public sealed class Root
    {
        public FallbackOptions Fallback { get; set; } = new();
    }

    public sealed class FallbackOptions
    {
        public IList<Uri> Endpoints { get; } = [];

        public FallbackMode Mode { get; set; }

        public TimeSpan HedgeDelay { get; set; }

        public NotFoundBehaviour OnNotFound { get; set; }

        public FallbackCacheOptions Cache { get; set; } = new();
    }

    public sealed class FallbackCacheOptions
    {
        public string? Directory { get; set; }

        public long MaxBytes { get; set; }

        public long MaxObjectBytes { get; set; }
    }

    public enum FallbackMode
    {
        Failover,
        Hedge,
    }

    public enum NotFoundBehaviour
    {
        Fail,
        UseFallback,
    }
}
