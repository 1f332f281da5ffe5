using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace S3Client.Extensions.Tests.DependencyInjection;

/// <summary>builder.AddS3Client("name") reads ConnectionStrings:name, with the "S3" section's settings on top.</summary>
public class ConnectionStringTests
{
    private const string Storage = "Endpoint=http://127.0.0.1:9000;Region=eu-west-1;AccessKeyId=AKID;SecretAccessKey=se/cr+et==";

    [Fact]
    public void The_connection_string_sets_endpoint_region_and_keys_and_the_section_the_rest()
    {
        using var host = Build(new()
        {
            ["ConnectionStrings:storage"] = Storage,
            ["S3:ServiceUrl"] = "http://127.0.0.1:1",
            ["S3:Retry:MaxRetryAttempts"] = "7",
            ["S3:AddressingStyle"] = "Path",
        }, builder => builder.AddS3Client("storage"));

        var options = host.Services.GetRequiredService<IOptionsMonitor<S3ClientOptions>>().Get(string.Empty);

        options.ServiceUrl.Should().Be(new Uri("http://127.0.0.1:9000"), "the connection string wins over the section");
        options.Region.Should().Be("eu-west-1");
        options.AccessKeyId.Should().Be("AKID");
        options.SecretAccessKey.Should().Be("se/cr+et==");
        options.Retry.MaxRetryAttempts.Should().Be(7);
        options.AddressingStyle.Should().Be(S3AddressingStyle.Path);
        host.Services.GetRequiredService<IS3Client>().Should().BeOfType<S3ServiceClient>();
    }

    [Fact]
    public void Code_configuration_wins_over_the_connection_string()
    {
        using var host = Build(new() { ["ConnectionStrings:storage"] = Storage }, builder => builder.AddS3Client("storage", o => o.Region = "auto"));

        host.Services.GetRequiredService<IOptionsMonitor<S3ClientOptions>>().Get(string.Empty).Region.Should().Be("auto");
    }

    [Fact]
    public void A_keyed_client_reads_its_own_connection_string_and_section()
    {
        using var host = Build(new()
        {
            ["ConnectionStrings:archive"] = "http://127.0.0.1:9100",
            ["S3:Clients:archive:AccessKeyId"] = "A2",
            ["S3:Clients:archive:SecretAccessKey"] = "S2",
        }, builder => builder.AddKeyedS3Client("archive"));

        var options = host.Services.GetRequiredService<IOptionsMonitor<S3ClientOptions>>().Get("archive");

        options.ServiceUrl.Should().Be(new Uri("http://127.0.0.1:9100"));
        options.AccessKeyId.Should().Be("A2");
        host.Services.GetRequiredKeyedService<IS3Client>("archive").ToString().Should().Contain("http://127.0.0.1:9100/", "the keyed client uses the connection string's endpoint");
    }

    [Fact]
    public void A_missing_connection_string_fails_at_start_naming_it()
    {
        var act = () => Build([], builder => builder.AddS3Client("storage"));

        act.Should().Throw<OptionsValidationException>().WithMessage(
            "S3 client: the connection string 'ConnectionStrings:storage' is missing; set it to Endpoint=...;Region=...;AccessKeyId=...;SecretAccessKey=...*");
    }

    [Fact]
    public void An_unknown_key_fails_with_the_closest_one_and_no_value()
    {
        var act = () => Build(new() { ["ConnectionStrings:storage"] = "Endpoint=http://127.0.0.1:9000;SecretAccesKey=hunter2" }, builder => builder.AddS3Client("storage"));

        act.Should().Throw<OptionsValidationException>()
            .WithMessage("S3 client: ConnectionStrings:storage: The connection string has an unknown key 'SecretAccesKey'; did you mean 'SecretAccessKey'?")
            .Which.Message.Should().NotContain("hunter2");
    }

    private static IHost Build(Dictionary<string, string?> settings, Action<HostApplicationBuilder> register)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        register(builder);
        var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        return host;
    }
}
