using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using S3Client.IntegrationTests.Servers;
using S3Client.Signing.Internal;

namespace S3Client.IntegrationTests.TestSupport;

/// <summary>Gets temporary credentials with a session token from the server's STS endpoint (RGW: GetSessionToken).</summary>
public static class TemporaryCredentials
{
    private const string AllowSessionTokens =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:GetSessionToken","s3:*"],"Resource":"*"}]}""";

    public static async Task<S3Credentials> GetSessionTokenAsync(S3TestServer server)
    {
        var sts = server.StsUrl ?? throw new InvalidOperationException($"{server.Name} has no STS endpoint configured.");
        using var http = new HttpClient(S3TestServer.LoopbackHandler(sts.Port));
        // RGW lets a user get session tokens only when a user policy allows it (the start script grants the cap to set one).
        await PostAsync(http, server, sts, "iam",
            $"Action=PutUserPolicy&Version=2010-05-08&UserName=tester&PolicyName=session-tokens&PolicyDocument={Uri.EscapeDataString(AllowSessionTokens)}");
        var text = await PostAsync(http, server, sts, "sts", "Action=GetSessionToken&Version=2011-06-15&DurationSeconds=3600");
        var credentials = XDocument.Parse(text).Descendants().First(e => e.Name.LocalName == "Credentials");
        string Field(string name) => credentials.Elements().First(e => e.Name.LocalName == name).Value;
        return new S3Credentials(Field("AccessKeyId"), Field("SecretAccessKey"), Field("SessionToken"));
    }

    private static async Task<string> PostAsync(HttpClient http, S3TestServer server, Uri endpoint, string service, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/x-www-form-urlencoded")),
        };
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        new SigV4Signer(server.Region, service).Sign(request, new S3Credentials(server.AccessKey, server.SecretKey), DateTimeOffset.UtcNow, hash);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"{service} {body[..body.IndexOf('&', StringComparison.Ordinal)]} should succeed, but answered {(int)response.StatusCode}: {text}");
        return text;
    }
}
