using System.Text;
using S3Client.Model.Internal;
using S3Client.Signing.Internal;

namespace S3Client.Core.Tests.Signing;

/// <summary>The signature examples published in the S3 API reference (examplebucket, 2013-05-24).</summary>
public class S3PublishedExamplesTests
{
    private static readonly S3Credentials Credentials = new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    private static readonly DateTimeOffset Time = new(2013, 5, 24, 0, 0, 0, TimeSpan.Zero);
    private static readonly UriCreationOptions Raw = new() { DangerousDisablePathAndQueryCanonicalization = true };

    [Fact]
    public void Get_object_with_range_matches_the_published_signature()
    {
        using var request = Request(HttpMethod.Get, "https://examplebucket.s3.amazonaws.com/test.txt");
        request.Headers.TryAddWithoutValidation("Range", "bytes=0-9");

        new SigV4Signer("us-east-1").Sign(request, Credentials, Time, SigV4Signer.EmptyPayloadHash);

        Authorization(request).Should().Be(
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, " +
            "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, " +
            "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        Header(request, "x-amz-date").Should().Be("20130524T000000Z");
        Header(request, "x-amz-content-sha256").Should().Be(SigV4Signer.EmptyPayloadHash);
    }

    [Fact]
    public async Task Put_object_matches_the_published_signature()
    {
        using var request = Request(HttpMethod.Put, "https://examplebucket.s3.amazonaws.com/test%24file.text");
        var payload = S3PayloadContent.FromBuffer(Encoding.UTF8.GetBytes("Welcome to Amazon S3."));
        request.Content = payload;
        request.Headers.TryAddWithoutValidation("Date", "Fri, 24 May 2013 00:00:00 GMT");
        request.Headers.TryAddWithoutValidation("x-amz-storage-class", "REDUCED_REDUNDANCY");
        var hash = await payload.ComputeSha256HexAsync(CancellationToken.None);

        new SigV4Signer("us-east-1").Sign(request, Credentials, Time, hash);

        hash.Should().Be("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
        Authorization(request).Should().Be(
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, " +
            "SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, " +
            "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    }

    [Fact]
    public void Get_bucket_lifecycle_matches_the_published_signature()
    {
        using var request = Request(HttpMethod.Get, "https://examplebucket.s3.amazonaws.com/?lifecycle");

        new SigV4Signer("us-east-1").Sign(request, Credentials, Time, SigV4Signer.EmptyPayloadHash);

        Authorization(request).Should().EndWith(
            "SignedHeaders=host;x-amz-content-sha256;x-amz-date, " +
            "Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
    }

    [Fact]
    public void List_objects_matches_the_published_signature()
    {
        using var request = Request(HttpMethod.Get, "https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J");

        new SigV4Signer("us-east-1").Sign(request, Credentials, Time, SigV4Signer.EmptyPayloadHash);

        Authorization(request).Should().EndWith(
            "SignedHeaders=host;x-amz-content-sha256;x-amz-date, " +
            "Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
    }

    [Fact]
    public void Presigned_get_matches_the_published_url()
    {
        var uri = new Uri("https://examplebucket.s3.amazonaws.com/test.txt", Raw);

        var presigned = new SigV4Signer("us-east-1").Presign("GET", uri, Credentials, Time, TimeSpan.FromSeconds(86400));

        presigned.AbsoluteUri.Should().Be(
            "https://examplebucket.s3.amazonaws.com/test.txt" +
            "?X-Amz-Algorithm=AWS4-HMAC-SHA256" +
            "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request" +
            "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host" +
            "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
    }

    [Fact]
    public void Re_signing_replaces_date_and_signature_instead_of_adding_a_second_value()
    {
        using var request = Request(HttpMethod.Get, "https://examplebucket.s3.amazonaws.com/test.txt");
        var signer = new SigV4Signer("us-east-1");

        signer.Sign(request, Credentials, Time, SigV4Signer.EmptyPayloadHash);
        var first = Authorization(request);
        signer.Sign(request, Credentials, Time.AddSeconds(1), SigV4Signer.EmptyPayloadHash);

        request.Headers.GetValues("x-amz-date").Should().ContainSingle().Which.Should().Be("20130524T000001Z");
        request.Headers.GetValues("Authorization").Should().ContainSingle().Which.Should().NotBe(first);
    }

    [Fact]
    public void Session_token_is_sent_and_signed()
    {
        using var request = Request(HttpMethod.Get, "https://examplebucket.s3.amazonaws.com/test.txt");
        var credentials = new S3Credentials("AKIAIOSFODNN7EXAMPLE", "secret", "the-token");

        new SigV4Signer("us-east-1").Sign(request, credentials, Time, SigV4Signer.EmptyPayloadHash);

        Header(request, "x-amz-security-token").Should().Be("the-token");
        Authorization(request).Should().Contain("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,");
    }

    private static HttpRequestMessage Request(HttpMethod method, string uri) => new(method, new Uri(uri, Raw));

    private static string Authorization(HttpRequestMessage request) => Header(request, "Authorization");

    private static string Header(HttpRequestMessage request, string name) => string.Join(",", request.Headers.GetValues(name));
}
