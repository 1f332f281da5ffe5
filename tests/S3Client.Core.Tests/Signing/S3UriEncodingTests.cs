using S3Client.Signing.Internal;

namespace S3Client.Core.Tests.Signing;

public class S3UriEncodingTests
{
    [Theory]
    [InlineData("AZaz09-_.~", "AZaz09-_.~")]
    [InlineData("a b", "a%20b")]
    [InlineData("a+b", "a%2Bb")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("*", "%2A")]
    [InlineData("\u00e9", "%C3%A9")]
    public void Query_components_use_rfc3986_with_upper_case_hex(string value, string expected) =>
        S3UriEncoding.EncodeQueryComponent(value).Should().Be(expected);

    [Theory]
    [InlineData("a%20b", "a b")]
    [InlineData("a+b", "a+b")]
    [InlineData("%E1%88%B4", "\u1234")]
    [InlineData("100%", "100%")]
    [InlineData("%zz", "%zz")]
    public void Decoding_keeps_plus_and_malformed_escapes_literally(string value, string expected) =>
        S3UriEncoding.Decode(value).Should().Be(expected);

    [Fact]
    public void Canonical_query_sorts_by_encoded_name_then_value_and_fills_empty_values()
    {
        CanonicalQuery.Build("?b=2&a=z&a=y&c&A=1&%E1%88%B4=x&sp ace=v w").Should()
            .Be("%E1%88%B4=x&A=1&a=y&a=z&b=2&c=&sp%20ace=v%20w");
    }

    [Fact]
    public void Canonical_query_of_an_already_encoded_query_is_unchanged()
    {
        CanonicalQuery.Build("list-type=2&prefix=a%20b%2Fc").Should().Be("list-type=2&prefix=a%20b%2Fc");
    }
}
