using System.Net;
using System.Text;

namespace S3Client.Extensions.Tests.Fallback;

/// <summary>
/// The socket end of one endpoint's pipeline in a test: answers each request with the object's bytes at once, or
/// holds it until <see cref="Release"/> (or its cancellation), counting requests and cancellations.
/// </summary>
public sealed class EndpointHandler(string body, bool hold = false) : HttpMessageHandler
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _requests;
    private int _cancelled;

    public int Requests => _requests;

    public int Cancelled => _cancelled;

    public List<HttpRequestMessage> Seen { get; } = [];

    /// <summary>Completes when a request has arrived.</summary>
    public TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a held request was cancelled.</summary>
    public TaskCompletionSource CancelledSignal { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _released.TrySetResult();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        lock (Seen)
        {
            Seen.Add(request);
        }

        Arrived.TrySetResult();
        if (hold)
        {
            try
            {
                await _released.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _cancelled);
                CancelledSignal.TrySetResult();
                throw;
            }
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes), RequestMessage = request };
        response.Content.Headers.ContentLength = bytes.Length;
        response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"etag\"");
        return response;
    }
}
