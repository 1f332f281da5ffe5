using System.Net;
using System.Text;
using S3Client.Errors.Internal;

namespace S3Client.Core.Tests.Errors;

public class S3ErrorParserTests
{
    [Fact]
    public void Reads_an_RGW_error_with_an_empty_message()
    {
        var body = Parse("""<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message></Message><BucketName>b</BucketName><RequestId>tx00000be9-default</RequestId><HostId>1008-default-default</HostId></Error>""");

        body.Should().Be(new S3ErrorBody("NoSuchKey", null, "tx00000be9-default", "1008-default-default", "b", null, null));
    }

    [Fact]
    public void Reads_a_Swift_error_with_a_single_quoted_declaration_and_extra_fields()
    {
        var body = Parse("""
            <?xml version='1.0' encoding='UTF-8'?>
            <Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message><RequestId>txdf37</RequestId><AWSAccessKeyId>test:tester</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256</StringToSign><SignatureProvided>abc</SignatureProvided></Error>
            """);

        body!.Code.Should().Be("SignatureDoesNotMatch");
        body.Message.Should().StartWith("The request signature we calculated");
        body.RequestId.Should().Be("txdf37");
    }

    [Fact]
    public void Reads_an_s3rver_error_in_a_foreign_namespace_without_request_id()
    {
        var body = Parse("""<?xml version="1.0" encoding="UTF-8"?><Error xmlns="http://doc.s3.amazonaws.com/2006-03-01/"><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>nope/missing</Key></Error>""");

        body.Should().Be(new S3ErrorBody("NoSuchKey", "The specified key does not exist.", null, null, null, "nope/missing", null));
    }

    [Fact]
    public void Reads_the_expected_region_of_AuthorizationHeaderMalformed()
    {
        var body = Parse("<Error><Code>AuthorizationHeaderMalformed</Code><Message>the region 'eu-west-1' is wrong; expecting 'us-east-1'</Message><RequestId>r</RequestId><Region>us-east-1</Region></Error>");

        body!.Region.Should().Be("us-east-1");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml at all")]
    [InlineData("<ListBucketResult><Name>b</Name></ListBucketResult>")]
    [InlineData("<Error><Code>Truncat")]
    public void Returns_null_for_bodies_that_are_not_error_documents(string text) => Parse(text).Should().BeNull();

    [Fact]
    public void Refuses_a_document_type_definition()
    {
        var billionLaughs = """<?xml version="1.0"?><!DOCTYPE Error [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><Error><Code>&b;</Code></Error>""";

        Parse(billionLaughs).Should().BeNull();
    }

    private static S3ErrorBody? Parse(string text) => S3ErrorParser.TryParse(Encoding.UTF8.GetBytes(text));
}
