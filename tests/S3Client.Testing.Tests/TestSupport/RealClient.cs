using System.Net;
using System.Text;
using S3Client.Core.Tests.TestSupport;

namespace S3Client.Testing.Tests.TestSupport;

/// <summary>
/// The real <see cref="S3ServiceClient"/> over a stub socket handler, to learn what it throws: for an error answer of
/// the service, or for bad arguments (then the stub fails the test if any request reaches it).
/// </summary>
public static class RealClient
{
    /// <summary>What the real client throws when the service answers <paramref name="status"/> with this error body (none when <paramref name="code"/> is null).</summary>
    public static async Task<Exception> ThrowsForAnswerAsync(HttpStatusCode status, string? code, string? message, Func<IS3Client, Task> call)
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(status)
        {
            Content = code is null
                ? new ByteArrayContent([])
                : new StringContent($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{message}</Message></Error>", Encoding.UTF8, "application/xml"),
        });
        return await ThrowsAsync(stub, call);
    }

    /// <summary>What the real client throws for bad arguments, before sending anything.</summary>
    public static async Task<Exception> ThrowsBeforeSendingAsync(Func<IS3Client, Task> call)
    {
        var stub = new StubHandler(request => throw new InvalidOperationException($"The real client sent {request.Method} {request.RequestUri} for invalid input."));
        var thrown = await ThrowsAsync(stub, call);
        stub.Requests.Should().BeEmpty();
        return thrown;
    }

    private static async Task<Exception> ThrowsAsync(StubHandler stub, Func<IS3Client, Task> call)
    {
        var options = new S3ClientOptions
        {
            ServiceUrl = new Uri("http://127.0.0.1:9000"),
            Region = "us-east-1",
            AccessKeyId = "AKIDEXAMPLE",
            SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            AddressingStyle = S3AddressingStyle.Path,
        };
        using var client = new S3ServiceClient(new HttpClient(new S3ErrorHandler { InnerHandler = stub }), new S3Client.Pipeline.Internal.S3ClientRuntime(options), ownsHttpClient: true);
        var thrown = await Record.ExceptionAsync(() => call(client));
        thrown.Should().NotBeNull("the real client should fail for this input");
        return thrown!;
    }
}
