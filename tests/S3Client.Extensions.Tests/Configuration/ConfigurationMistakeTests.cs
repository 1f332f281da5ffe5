using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using S3Client.Extensions.Tests.TestSupport;

namespace S3Client.Extensions.Tests.Configuration;

/// <summary>Mistakes in the "S3" section stop the host at start with a message that names the setting and the fix.</summary>
public class ConfigurationMistakeTests
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["S3:ServiceUrl"] = "http://127.0.0.1:9000",
        ["S3:Region"] = "us-east-1",
        ["S3:AccessKeyId"] = "AKID",
        ["S3:SecretAccessKey"] = "secret",
    };

    [Theory]
    [InlineData("ServiceUri", "http://127.0.0.1:9000", "S3 client: unknown setting 'S3:ServiceUri'; did you mean 'ServiceUrl'?")]
    [InlineData("AccesKeyId", "AKID", "S3 client: unknown setting 'S3:AccesKeyId'; did you mean 'AccessKeyId'?")]
    [InlineData("retry:MaxRetryAttempt", "3", "S3 client: unknown setting 'S3:retry:MaxRetryAttempt'; did you mean 'MaxRetryAttempts'?")]
    [InlineData("Timeouts:AttemptTimout", "00:00:10", "S3 client: unknown setting 'S3:Timeouts:AttemptTimout'; did you mean 'AttemptTimeout'?")]
    [InlineData("Transfer:PartSizeBytes", "8388608", "S3 client: unknown setting 'S3:Transfer:PartSizeBytes'; did you mean 'PartSize'?")]
    [InlineData("Diagnostics:Foo", "1", "S3 client: unknown setting 'S3:Diagnostics:Foo'; the settings here are IncludeObjectKeys*")]
    public void An_unknown_setting_fails_at_start_with_the_closest_known_one(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>(Valid) { ["S3:" + key] = value };
        if (key.StartsWith("AccesKeyId", StringComparison.Ordinal))
        {
            settings.Remove("S3:AccessKeyId");
        }

        var act = () => Validate(services => services.AddS3Client(Section(settings, "S3")));

        // Only the mistake is reported: not also a complaint about the setting it was meant to be.
        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle().Which.Should().Match(message);
    }

    [Theory]
    [InlineData("AddressingStyle", "path-style", "S3 client: 'S3:AddressingStyle' is 'path-style', which is not valid; use one of Auto, VirtualHosted, Path.")]
    [InlineData("Transfer:ChecksumAlgorithm", "MD5", "S3 client: 'S3:Transfer:ChecksumAlgorithm' is 'MD5', which is not valid; use one of *Crc32*")]
    public void An_invalid_enum_value_fails_at_start_listing_the_valid_ones(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>(Valid) { ["S3:" + key] = value };

        var act = () => Validate(services => services.AddS3Client(Section(settings, "S3")));

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle().Which.Should().Match(message);
    }

    [Theory]
    [InlineData("AddressingStyle", "path")]
    [InlineData("AddressingStyle", "1")]
    [InlineData("Clients:archive:ServiceUrl", "http://127.0.0.1:9001")]
    public void Valid_settings_in_any_case_and_the_named_clients_section_pass(string key, string value)
    {
        var settings = new Dictionary<string, string?>(Valid) { ["S3:" + key] = value };

        var act = () => Validate(services => services.AddS3Client(Section(settings, "S3")));

        act.Should().NotThrow();
    }

    [Fact]
    public void Every_mistake_of_a_named_client_is_reported_under_its_own_name()
    {
        var settings = new Dictionary<string, string?>
        {
            ["S3:Clients:archive:ServiceUrl"] = "http://127.0.0.1:9000",
            ["S3:Clients:archive:SecretAccesKey"] = "secret",
            ["S3:Clients:archive:Retry:Jitter"] = "true",
        };

        var act = () => Validate(services => services.AddS3Client("archive", Section(settings, "S3:Clients:archive")));

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().BeEquivalentTo(
            "S3 client 'archive': unknown setting 'S3:Clients:archive:SecretAccesKey'; did you mean 'SecretAccessKey'?",
            "S3 client 'archive': unknown setting 'S3:Clients:archive:Retry:Jitter'; the settings here are BaseDelay, MaxDelay, MaxRetryAttempts, MinThrottleDelay.");
    }

    [Fact]
    public void A_named_client_with_a_missing_section_says_that_named_clients_do_not_inherit()
    {
        var act = () => Validate(services => services.AddS3Client("archive", Section(Valid, "S3:Clients:archive")));

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle().Which.Should().Be(
            "S3 client 'archive': configuration section 'S3:Clients:archive' is missing or empty. Named clients do not inherit settings " +
            "from the default \"S3\" section: give this client its own ServiceUrl, Region and credentials there.");
    }

    [Fact]
    public void A_custom_endpoint_without_a_region_is_logged_once_at_start_with_the_region_used()
    {
        var settings = new Dictionary<string, string?>(Valid);
        settings.Remove("S3:Region");
        using var logs = new ListLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs));
        services.AddS3Client(Section(settings, "S3"));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        provider.GetRequiredService<IS3Client>();

        var notices = logs.Entries.Where(e => e.Entry.EventId.Id == 201).ToList();
        notices.Should().ContainSingle();
        notices[0].Entry.Message.Should().Match("S3 client (default): ServiceUrl http://127.0.0.1:9000/ is set but Region is not, so requests are signed for region '*'*");
        notices[0].Entry.Message.Should().Contain($"'{S3CredentialsChain.ResolveRegion(new S3ClientOptions())}'");
    }

    [Fact]
    public void A_region_or_the_aws_endpoint_logs_no_notice()
    {
        using var logs = new ListLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs));
        services.AddS3Client(Section(Valid, "S3"));
        services.AddS3Client("aws", o =>
        {
            o.AccessKeyId = "a";
            o.SecretAccessKey = "b";
        });
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        logs.Entries.Should().NotContain(e => e.Entry.EventId.Id == 201);
    }

    private static IConfigurationSection Section(Dictionary<string, string?> settings, string path) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(path);

    private static void Validate(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
    }
}
