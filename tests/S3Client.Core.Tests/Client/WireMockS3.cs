using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Time.Testing;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using S3Client.Pipeline.Internal;
using WireMock.Settings;

namespace S3Client.Core.Tests.Client;

/// <summary>
/// A WireMock server and an <see cref="S3ServiceClient"/> pointed at it (path-style, the real handler chain, a fixed
/// clock), shared by the tests of one class. A middleware in front of WireMock works around two of its limits:
/// Kestrel normalises and decodes the path it hands to WireMock, so the request target exactly as it arrived on the
/// wire is copied into <see cref="RawTargetHeader"/>; and WireMock sends bodies chunked, dropping a Content-Length
/// header, so a response's <see cref="ContentLengthHeader"/> becomes its real Content-Length.
/// </summary>
public sealed class WireMockS3 : IDisposable
{
    public const string AccessKeyId = "AKIDEXAMPLE";
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string Region = "us-east-1";
    public const string AmzDate = "20260102T030405Z";
    public const string CredentialPrefix = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/us-east-1/s3/aws4_request";
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>The header the server-side middleware adds with the raw request target (path and query).</summary>
    public const string RawTargetHeader = "X-Test-Raw-Target";

    /// <summary>A response header the middleware turns into the response's Content-Length.</summary>
    public const string ContentLengthHeader = "X-Test-Content-Length";

    public static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly List<HttpClient> _httpClients = [];

    public WireMockS3()
    {
        Server = WireMockServer.Start(new WireMockServerSettings
        {
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use((context, next) =>
            {
                context.Request.Headers[RawTargetHeader] = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
                context.Response.OnStarting(() =>
                {
                    if (context.Response.Headers.TryGetValue(ContentLengthHeader, out var length))
                    {
                        context.Response.Headers.Remove(ContentLengthHeader);
                        context.Response.ContentLength = long.Parse(length.ToString(), CultureInfo.InvariantCulture);
                    }

                    return Task.CompletedTask;
                });
                return next(context);
            }),
        });
        Client = CreateClient();
    }

    public WireMockServer Server { get; }

    /// <summary>A client signing for us-east-1 with <see cref="S3PayloadSigning.Auto"/>.</summary>
    public S3ServiceClient Client { get; }

    /// <summary>The requests the server received, oldest first.</summary>
    public IReadOnlyList<IRequestMessage> Requests => Server.LogEntries.Select(e => e.RequestMessage).ToList();

    /// <summary>The one request the server received.</summary>
    public IRequestMessage SingleRequest => Requests.Should().ContainSingle().Subject;

    /// <summary>Builds another client over the same server, for tests that need a different region or signing mode.</summary>
    public S3ServiceClient CreateClient(string region = Region, S3PayloadSigning payloadSigning = S3PayloadSigning.Auto)
    {
        var options = new S3ClientOptions
        {
            ServiceUrl = new Uri(Server.Url!),
            Region = region,
            AccessKeyId = AccessKeyId,
            SecretAccessKey = SecretAccessKey,
            AddressingStyle = S3AddressingStyle.Path,
            PayloadSigning = payloadSigning,
        };
        var runtime = new S3ClientRuntime(options, new FakeTimeProvider(Now));
        var http = new HttpClient(S3HandlerChain.Create(runtime, resilience: null, S3HandlerChain.CreatePrimaryHandler()));
        _httpClients.Add(http);
        return new S3ServiceClient(http, runtime, ownsHttpClient: false);
    }

    /// <summary>Forgets the mappings and requests of earlier tests.</summary>
    public void Reset() => Server.Reset();

    /// <summary>Answers every request with <paramref name="response"/>.</summary>
    public void RespondWith(IResponseBuilder response) =>
        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(response);

    /// <summary>Answers every request with <paramref name="body"/>, sent with a Content-Length, and the given headers.</summary>
    public void RespondWithBody(int statusCode, byte[] body, params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(statusCode).WithBody(body)
            .WithHeader(ContentLengthHeader, body.Length.ToString(CultureInfo.InvariantCulture));
        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        RespondWith(response);
    }

    /// <summary>Answers every request with an empty <paramref name="statusCode"/>.</summary>
    public void RespondWithStatus(int statusCode) => RespondWith(Response.Create().WithStatusCode(statusCode));

    public void Dispose()
    {
        foreach (var http in _httpClients)
        {
            http.Dispose();
        }

        Server.Stop();
        Server.Dispose();
    }
}
