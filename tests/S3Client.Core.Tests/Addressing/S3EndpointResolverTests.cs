using S3Client.Addressing.Internal;

namespace S3Client.Core.Tests.Addressing;

public class S3EndpointResolverTests
{
    private static readonly Uri Local = new("http://127.0.0.1:9000");

    [Theory]
    [InlineData("a b+c", "/bucket/a%20b%2Bc")]
    [InlineData("100%/x=y&z", "/bucket/100%25/x%3Dy%26z")]
    [InlineData("~tilde-_.", "/bucket/~tilde-_.")]
    [InlineData("dir//double", "/bucket/dir//double")]
    [InlineData("/leading", "/bucket//leading")]
    [InlineData("trailing/", "/bucket/trailing/")]
    [InlineData("a/./b/../c", "/bucket/a/./b/../c")]
    [InlineData("..", "/bucket/..")]
    [InlineData("caf\u00e9", "/bucket/caf%C3%A9")]
    [InlineData("cafe\u0301", "/bucket/cafe%CC%81")]
    [InlineData("\U0001F600", "/bucket/%F0%9F%98%80")]
    public void Keys_are_encoded_once_and_never_normalised(string key, string expectedPath)
    {
        var uri = new S3EndpointResolver(Local, "us-east-1", S3AddressingStyle.Path).Build("bucket", key);

        uri.PathAndQuery.Should().Be(expectedPath);
        uri.Authority.Should().Be("127.0.0.1:9000");
    }

    [Fact]
    public void Query_components_are_encoded_and_bare_names_stay_bare()
    {
        var uri = new S3EndpointResolver(Local, "us-east-1", S3AddressingStyle.Path)
            .Build("bucket", null, [new("prefix", "a b/c"), new("uploads", null), new("empty", "")]);

        uri.PathAndQuery.Should().Be("/bucket?prefix=a%20b%2Fc&uploads&empty=");
    }

    [Fact]
    public void Auto_uses_virtual_hosts_on_AWS_for_dns_safe_names()
    {
        var resolver = new S3EndpointResolver(null, "eu-west-1", S3AddressingStyle.Auto);

        resolver.Build("my-bucket", "k").AbsoluteUri.Should().Be("https://my-bucket.s3.eu-west-1.amazonaws.com/k");
        resolver.Build("my.dotted.bucket", "k").AbsoluteUri.Should().Be("https://s3.eu-west-1.amazonaws.com/my.dotted.bucket/k");
    }

    [Fact]
    public void Auto_uses_path_style_for_custom_endpoints()
    {
        new S3EndpointResolver(Local, "us-east-1", S3AddressingStyle.Auto).Build("bucket", "k").AbsoluteUri
            .Should().Be("http://127.0.0.1:9000/bucket/k");
    }

    [Fact]
    public void Virtual_hosted_style_puts_the_bucket_in_the_host_of_any_endpoint()
    {
        var uri = new S3EndpointResolver(new Uri("http://s3.localhost:7480"), "us-east-1", S3AddressingStyle.VirtualHosted).Build("bucket", "a//b");

        uri.Authority.Should().Be("bucket.s3.localhost:7480");
        uri.PathAndQuery.Should().Be("/a//b");
    }

    [Fact]
    public void A_base_path_in_the_service_url_is_kept()
    {
        new S3EndpointResolver(new Uri("https://gateway.example/storage/"), "us-east-1", S3AddressingStyle.Path).Build("bucket", "k").AbsoluteUri
            .Should().Be("https://gateway.example/storage/bucket/k");
    }
}
