using Microsoft.Extensions.Options;

namespace S3Client.Samples.Api;

/// <summary>
/// Creates the sample's bucket before the API starts serving, when it does not exist yet. A service that cannot be
/// reached stops the start with the error, rather than failing every request later.
/// </summary>
internal sealed class BucketInitializer(IS3Client s3, IOptions<SampleOptions> options, ILogger<BucketInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var bucket = options.Value.Bucket;
        if (await s3.BucketExistsAsync(bucket, cancellationToken))
        {
            Log.BucketFound(logger, bucket);
            return;
        }

        try
        {
            await s3.CreateBucketAsync(bucket, cancellationToken: cancellationToken);
            Log.BucketCreated(logger, bucket);
        }
        catch (S3ConflictException e) when (e.ErrorCode == "BucketAlreadyOwnedByYou")
        {
            // Another instance of the API created it in the meantime.
            Log.BucketFound(logger, bucket);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
