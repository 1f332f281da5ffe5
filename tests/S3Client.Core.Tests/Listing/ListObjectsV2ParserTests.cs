using System.Text;
using S3Client.Listing.Internal;

namespace S3Client.Core.Tests.Listing;

public class ListObjectsV2ParserTests
{
    [Fact]
    public async Task Parses_objects_prefixes_and_the_next_token_of_an_AWS_page()
    {
        var page = await Parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Name>b</Name><Prefix>photos/</Prefix><KeyCount>2</KeyCount><MaxKeys>2</MaxKeys><Delimiter>/</Delimiter><IsTruncated>true</IsTruncated>
              <Contents><Key>photos/a.jpg</Key><LastModified>2026-01-02T03:04:05.000Z</LastModified><ETag>&quot;abc&quot;</ETag><Size>123</Size><StorageClass>STANDARD</StorageClass><Owner><ID>x</ID></Owner></Contents>
              <CommonPrefixes><Prefix>photos/2026/</Prefix></CommonPrefixes>
              <NextContinuationToken>token-2</NextContinuationToken>
            </ListBucketResult>
            """);

        page.Objects.Should().Equal(new S3ObjectInfo("photos/a.jpg", 123, "\"abc\"", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), "STANDARD"));
        page.CommonPrefixes.Should().Equal("photos/2026/");
        page.NextContinuationToken.Should().Be("token-2");
        page.IsTruncated.Should().BeTrue();
    }

    [Fact]
    public async Task Decodes_url_encoded_keys_only_when_the_response_says_so_even_after_the_keys()
    {
        var encoded = await Parse("""
            <ListBucketResult><IsTruncated>false</IsTruncated>
              <Contents><Key>a+b%2Bc%25d/caf%C3%A9</Key><LastModified>2026-01-02T03:04:05Z</LastModified><Size>1</Size></Contents>
              <CommonPrefixes><Prefix>with+space/</Prefix></CommonPrefixes>
              <EncodingType>url</EncodingType>
            </ListBucketResult>
            """);
        var raw = await Parse("""
            <ListBucketResult xmlns="http://doc.s3.amazonaws.com/2006-03-01/"><IsTruncated>false</IsTruncated>
              <Contents><Key>100%/a+b</Key><LastModified>2026-01-02T03:04:05Z</LastModified><Size>1</Size></Contents>
            </ListBucketResult>
            """);

        encoded.Objects.Single().Key.Should().Be("a b+c%d/caf\u00e9");
        encoded.CommonPrefixes.Should().Equal("with space/");
        raw.Objects.Single().Key.Should().Be("100%/a+b", "a server that ignores encoding-type sends keys as they are");
    }

    [Fact]
    public async Task An_empty_result_has_empty_collections()
    {
        var page = await Parse("<?xml version='1.0' encoding='UTF-8'?><ListBucketResult><Name>b</Name><KeyCount>0</KeyCount><IsTruncated>false</IsTruncated></ListBucketResult>");

        page.Objects.Should().BeEmpty();
        page.CommonPrefixes.Should().BeEmpty();
        page.IsTruncated.Should().BeFalse();
    }

    [Fact]
    public async Task A_truncated_page_without_a_token_is_refused_rather_than_looping()
    {
        var act = () => Parse("<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>");

        await act.Should().ThrowAsync<InvalidDataException>();
    }

    [Fact]
    public async Task A_thousand_key_page_parses_every_key()
    {
        var xml = new StringBuilder("<ListBucketResult><IsTruncated>true</IsTruncated>");
        for (var i = 0; i < 1000; i++)
        {
            xml.Append($"<Contents><Key>key-{i:D4}</Key><LastModified>2026-01-02T03:04:05.000Z</LastModified><ETag>\"e{i}\"</ETag><Size>{i}</Size><StorageClass>STANDARD</StorageClass></Contents>");
        }

        xml.Append("<NextContinuationToken>t</NextContinuationToken></ListBucketResult>");

        var page = await Parse(xml.ToString());

        page.Objects.Should().HaveCount(1000);
        page.Objects[999].Should().Be(new S3ObjectInfo("key-0999", 999, "\"e999\"", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), "STANDARD"));
    }

    private static Task<ListObjectsPage> Parse(string xml) => ListObjectsV2Parser.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml)), CancellationToken.None);
}

public class ListObjectsV2ParserEdgeCaseTests
{
    [Fact]
    public async Task Entities_cdata_comments_prefixes_and_a_byte_order_mark_are_understood()
    {
        var page = await Parse("\uFEFF<?xml version='1.0' encoding='UTF-8'?>\n<!-- listing -->\n" +
            "<s3:ListBucketResult xmlns:s3=\"http://s3.amazonaws.com/doc/2006-03-01/\"><s3:IsTruncated>false</s3:IsTruncated>" +
            "<s3:Contents><s3:Key>a&amp;b &lt;c&gt; &#233;&#x1F600;</s3:Key><s3:Size> 7 </s3:Size><s3:ETag>&quot;e&quot;</s3:ETag>" +
            "<s3:LastModified>2026-01-02T03:04:05Z</s3:LastModified><s3:Owner><s3:ID>x</s3:ID><s3:DisplayName>y</s3:DisplayName></s3:Owner></s3:Contents>" +
            "<s3:Contents><s3:Key><![CDATA[raw <&> key]]></s3:Key><s3:Size>0</s3:Size><s3:LastModified>Fri, 02 Jan 2026 03:04:05 GMT</s3:LastModified><s3:StorageClass>CUSTOM_CLASS</s3:StorageClass></s3:Contents>" +
            "<s3:CommonPrefixes><s3:Prefix>dir/</s3:Prefix></s3:CommonPrefixes></s3:ListBucketResult>");

        page.Objects.Should().Equal(
            new S3ObjectInfo("a&b <c> \u00e9\U0001F600", 7, "\"e\"", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), null),
            new S3ObjectInfo("raw <&> key", 0, null, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), "CUSTOM_CLASS"));
        page.CommonPrefixes.Should().Equal("dir/");
    }

    [Fact]
    public async Task Fractional_seconds_are_kept()
    {
        var page = await Parse("<ListBucketResult><Contents><Key>k</Key><Size>1</Size><LastModified>2026-01-02T03:04:05.678Z</LastModified></Contents></ListBucketResult>");

        page.Objects.Single().LastModified.Should().Be(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("<!DOCTYPE x [<!ENTITY a \"b\">]><ListBucketResult><Contents><Key>&a;</Key></Contents></ListBucketResult>")]
    [InlineData("<ListBucketResult><Contents><Key>&undefined;</Key></Contents></ListBucketResult>")]
    [InlineData("<ListBucketResult><Contents><Key>k</Key><Size>12x</Size></Contents></ListBucketResult>")]
    [InlineData("<Error><Code>AccessDenied</Code></Error>")]
    [InlineData("<ListBucketResult><Contents><Key>unterminated")]
    public async Task Documents_that_are_not_a_listing_are_refused(string xml)
    {
        var act = () => Parse(xml);

        await act.Should().ThrowAsync<InvalidDataException>();
    }

    private static Task<ListObjectsPage> Parse(string xml) =>
        ListObjectsV2Parser.ParseAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml)), CancellationToken.None);
}
