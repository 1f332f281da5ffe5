using System.Net;
using S3Client.Errors.Internal;

namespace S3Client.Core.Tests.Errors;

public class S3ExceptionFactoryTests
{
    [Theory]
    [InlineData(304, typeof(S3NotModifiedException))]
    [InlineData(400, typeof(S3InvalidRequestException))]
    [InlineData(403, typeof(S3AccessDeniedException))]
    [InlineData(404, typeof(S3NotFoundException))]
    [InlineData(405, typeof(S3ClientException))]
    [InlineData(409, typeof(S3ConflictException))]
    [InlineData(412, typeof(S3PreconditionFailedException))]
    [InlineData(416, typeof(S3RangeNotSatisfiableException))]
    [InlineData(429, typeof(S3ClientException))]
    [InlineData(500, typeof(S3ServerException))]
    [InlineData(501, typeof(S3ServerException))]
    [InlineData(503, typeof(S3ServerException))]
    [InlineData(301, typeof(S3RedirectException))]
    public void Status_code_picks_the_exception_type(int status, Type expected)
    {
        var exception = S3ExceptionFactory.Create((HttpStatusCode)status, null, null, null);

        exception.Should().BeOfType(expected);
        exception.StatusCode.Should().Be((HttpStatusCode)status);
    }

    [Fact]
    public void Status_decides_the_type_even_when_the_code_suggests_another()
    {
        // A 403 NoSuchKey (a listing permission quirk) is still an access problem to the caller.
        var exception = S3ExceptionFactory.Create(HttpStatusCode.Forbidden, new S3ErrorBody("NoSuchKey", null, null, null, null, null, null), null, null);

        exception.Should().BeOfType<S3AccessDeniedException>().Which.ErrorCode.Should().Be("NoSuchKey");
    }

    [Fact]
    public void Client_and_server_errors_share_their_base_types()
    {
        S3ExceptionFactory.Create(HttpStatusCode.NotFound, null, null, null).Should().BeAssignableTo<S3ClientException>();
        S3ExceptionFactory.Create(HttpStatusCode.ServiceUnavailable, null, null, null).Should().BeAssignableTo<S3Exception>()
            .And.NotBeAssignableTo<S3ClientException>();
    }

    [Fact]
    public void Message_carries_operation_bucket_key_code_and_request_ids()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/b/k");
        var context = new S3RequestContext("GetObject", "b", "k");
        var body = new S3ErrorBody("NoSuchKey", "The specified key does not exist.", "req-1", "host-1", null, null, null);

        var exception = S3ExceptionFactory.Create(HttpStatusCode.NotFound, body, null, context);

        exception.Message.Should().Be("GetObject failed for bucket 'b', key 'k': 404 NoSuchKey: The specified key does not exist. (RequestId: req-1, HostId: host-1)");
        exception.Operation.Should().Be("GetObject");
        exception.BucketName.Should().Be("b");
        exception.Key.Should().Be("k");
        exception.RequestId.Should().Be("req-1");
        exception.HostId.Should().Be("host-1");
        exception.ServerMessage.Should().Be("The specified key does not exist.");
    }

    [Fact]
    public void Head_404_without_body_takes_request_id_from_headers()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.NotFound);
        response.Headers.TryAddWithoutValidation("x-amz-request-id", "hdr-req");
        response.Headers.TryAddWithoutValidation("x-amz-id-2", "hdr-host");

        var exception = S3ExceptionFactory.Create(HttpStatusCode.NotFound, null, response.Headers, new S3RequestContext("HeadObject", "b", "k"));

        exception.Should().BeOfType<S3NotFoundException>();
        exception.ErrorCode.Should().BeNull();
        exception.RequestId.Should().Be("hdr-req");
        exception.HostId.Should().Be("hdr-host");
        exception.Message.Should().Contain("404 NotFound (no error body)");
    }
}
