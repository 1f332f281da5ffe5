using Microsoft.Extensions.Options;
using Polly;

namespace S3Client.Samples.Cli;

/// <summary>
/// Runs one command and turns its outcome into an exit code: 0 done, 1 S3 refused (error code and request id printed)
/// or the network or a file failed, 2 a usage or configuration error (nothing sent), 130 cancelled with Ctrl+C.
/// </summary>
internal static class CliRunner
{
    public static async Task<int> RunAsync(Func<CliHost, CancellationToken, Task> command, CancellationToken cancellationToken)
    {
        try
        {
            var host = CliHost.Create();
            await using (host)
            {
                await command(host, cancellationToken);
            }

            return ExitCodes.Success;
        }
        catch (S3Exception e)
        {
            Error(e.Message);
            Error($"ErrorCode: {e.ErrorCode ?? "(none)"}, RequestId: {e.RequestId ?? "(none)"}, HTTP status: {(int)e.StatusCode}");
            return ExitCodes.Failed;
        }
        catch (ItemsFailedException e)
        {
            Error(e.Message);
            return ExitCodes.Failed;
        }
        catch (UsageException e)
        {
            Error(e.Message);
            return ExitCodes.Usage;
        }
        catch (OptionsValidationException e)
        {
            Error("invalid configuration: " + string.Join(" ", e.Failures));
            return ExitCodes.Usage;
        }
        catch (ArgumentException e)
        {
            // The client checks bucket names, keys and expiry before sending anything.
            Error(e.Message);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Error("cancelled; an unfinished multipart upload was aborted");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or UnauthorizedAccessException or TimeoutException or ExecutionRejectedException)
        {
            // Not an S3 answer: the network, a timeout, an open circuit, or a local file.
            Error($"{e.GetType().Name}: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    public static void Error(string message) => Console.Error.WriteLine("s3cli: " + message);
}
