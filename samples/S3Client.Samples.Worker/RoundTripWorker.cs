using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace S3Client.Samples.Worker;

/// <summary>
/// Runs the round trip once, then stops the host. The outcome is the process exit code (0 when every check passed,
/// 1 otherwise), so scripts and CI can run the sample as a check.
/// </summary>
internal sealed class RoundTripWorker(BucketRoundTrip roundTrip, IHostApplicationLifetime lifetime, ILogger<RoundTripWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Failure until proven otherwise: a crash or a Ctrl+C must not end with exit code 0.
        Environment.ExitCode = 1;
        try
        {
            var summary = await roundTrip.RunAsync(stoppingToken);
            Environment.ExitCode = 0;
            Log.Succeeded(logger, summary.ObjectCount, summary.BytesUploaded, summary.BytesDownloaded, summary.Verified, summary.Elapsed.TotalSeconds);
        }
        catch (S3Exception e)
        {
            // What to quote to the operator of the service: status, error code and request id.
            Log.S3Failed(logger, e.Operation, e.BucketName, e.Key, (int)e.StatusCode, e.ErrorCode, e.RequestId, e.HostId, e.ServerMessage, e);
        }
        catch (InvalidDataException e)
        {
            Log.CheckFailed(logger, e.Message, e);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Log.Cancelled(logger);
        }
        catch (Exception e)
        {
            // Network failures and timeouts are not S3 answers: they surface as the standard .NET exceptions.
            Log.Faulted(logger, e);
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}
