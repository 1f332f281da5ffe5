using S3Client.IntegrationTests.Servers;
using S3Client.IntegrationTests.TestSupport;

namespace S3Client.IntegrationTests;

public class AddressingTests
{
    [Theory]
    [MemberData(nameof(S3TestServers.WithVirtualHosts), MemberType = typeof(S3TestServers))]
    public async Task Virtual_hosted_and_path_style_reach_the_same_objects(string server)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        var port = bucket.Server.Url.Port;
        using var virtualHosted = bucket.Server.CreateClient(o =>
        {
            o.ServiceUrl = new Uri($"http://s3.localhost:{port}");
            o.AddressingStyle = S3AddressingStyle.VirtualHosted;
        });

        await virtualHosted.PutObjectAsync(bucket.Name, bucket.Track("vhost/a b+c.txt"), new MemoryStream("virtual"u8.ToArray()));
        var viaPath = await bucket.Client.HeadObjectAsync(bucket.Name, "vhost/a b+c.txt");
        await bucket.PutAsync("path/x.txt", new MemoryStream("path-style"u8.ToArray()));
        var viaHost = await virtualHosted.HeadObjectAsync(bucket.Name, "path/x.txt");

        viaPath.ContentLength.Should().Be(7);
        viaHost.ContentLength.Should().Be(10);
    }
}
