using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using S3Client.Testing;

namespace S3Client.Extensions.Tests.DependencyInjection;

/// <summary>ReplaceS3ClientWithInMemory swaps one registered client and lets the host start without its settings.</summary>
public class ReplaceWithInMemoryTests
{
    [Fact]
    public void A_named_client_is_replaced_for_keyed_resolution_and_the_factory_and_others_are_left_alone()
    {
        var services = new ServiceCollection();
        services.AddS3Client(o =>
        {
            o.ServiceUrl = new Uri("http://127.0.0.1:9000");
            o.AccessKeyId = "a";
            o.SecretAccessKey = "b";
        });
        services.AddS3Client("archive", new ConfigurationBuilder().Build().GetSection("S3:Clients:archive"));

        var fake = services.ReplaceS3ClientWithInMemory("archive");
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        provider.GetRequiredKeyedService<IS3Client>("archive").Should().BeSameAs(fake);
        provider.GetRequiredService<IS3ClientFactory>().GetClient("archive").Should().BeSameAs(fake);
        provider.GetRequiredService<IS3Client>().Should().BeOfType<S3ServiceClient>();
    }

    [Fact]
    public void Without_the_replacement_the_same_registration_fails_at_start()
    {
        var services = new ServiceCollection();
        services.AddS3Client("archive", new ConfigurationBuilder().Build().GetSection("S3:Clients:archive"));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>();
    }

    [Fact]
    public async Task The_default_client_is_replaced_for_plain_and_keyed_resolution_with_the_given_fake()
    {
        var services = new ServiceCollection();
        services.AddS3Client(_ => { });
        var given = new InMemoryS3Client();
        await given.CreateBucketAsync("seeded");

        services.ReplaceS3ClientWithInMemory(client: given);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        provider.GetRequiredService<IS3Client>().Should().BeSameAs(given);
        provider.GetRequiredKeyedService<IS3Client>(string.Empty).Should().BeSameAs(given);
        (await provider.GetRequiredService<IS3Client>().BucketExistsAsync("seeded")).Should().BeTrue();
    }
}
