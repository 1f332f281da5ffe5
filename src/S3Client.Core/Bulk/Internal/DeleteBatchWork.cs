using System.Net;
using S3Client.Errors.Internal;

namespace S3Client.Bulk.Internal;

/// <summary>
/// Deletes batches of up to 1000 keys with one DeleteObjects request each, reporting every key. Keys the service
/// refused with a transient error (InternalError, SlowDown) are sent again, with backoff, up to the item attempts.
/// </summary>
internal sealed class DeleteBatchWork(IS3Client client, string bucket, BulkOptions options) : IBulkWork<S3ObjectIdentifier[]>
{
    public const int BatchSize = 1000;

    public string KeyOf(S3ObjectIdentifier[] item) => item[0].Key;

    public BulkItemAction ActionOf(S3ObjectIdentifier[] item) => BulkItemAction.Delete;

    public string? PathOf(S3ObjectIdentifier[] item) => null;

    public long BytesInFlight(S3ObjectIdentifier[] item) => 0;

    public async Task<BulkItemResult?> RunAsync(S3ObjectIdentifier[] item, BulkRecorder recorder, CancellationToken cancellationToken)
    {
        IReadOnlyList<S3ObjectIdentifier> remaining = item;
        for (var attempt = 1; remaining.Count > 0; attempt++)
        {
            var last = attempt >= options.MaxItemAttempts;
            DeleteObjectsResult result;
            try
            {
                result = await client.DeleteObjectsAsync(bucket, remaining, new DeleteObjectsOptions(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                if (!last && TransientFailures.IsTransient(e))
                {
                    await RetryBackoff.DelayAsync(options, attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                foreach (var key in remaining)
                {
                    await recorder.RecordAsync(new BulkItemResult(key.Key, BulkItemAction.Delete, BulkItemStatus.Failed, 0, e)).ConfigureAwait(false);
                }

                return null;
            }

            var again = new List<S3ObjectIdentifier>();
            var failed = result.Errors.ToDictionary(e => (e.Key, e.VersionId));
            foreach (var key in remaining)
            {
                if (!failed.TryGetValue((key.Key, key.VersionId), out var error))
                {
                    await recorder.RecordAsync(new BulkItemResult(key.Key, BulkItemAction.Delete, BulkItemStatus.Succeeded, 0)).ConfigureAwait(false);
                }
                else if (!last && error.Code is "InternalError" or "SlowDown" or "ServiceUnavailable")
                {
                    again.Add(key);
                }
                else
                {
                    await recorder.RecordAsync(new BulkItemResult(key.Key, BulkItemAction.Delete, BulkItemStatus.Failed, 0, ToException(error))).ConfigureAwait(false);
                }
            }

            remaining = again;
            if (again.Count > 0)
            {
                await RetryBackoff.DelayAsync(options, attempt, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    /// <summary>Groups keys into batches of <see cref="BatchSize"/>, holding one batch at a time.</summary>
    public static async IAsyncEnumerable<S3ObjectIdentifier[]> Batches(
        IAsyncEnumerable<S3ObjectIdentifier> keys, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var batch = new List<S3ObjectIdentifier>(BatchSize);
        await foreach (var key in keys.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            batch.Add(key);
            if (batch.Count == BatchSize)
            {
                yield return batch.ToArray();
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            yield return batch.ToArray();
        }
    }

    /// <summary>The exception a per-key error of DeleteObjects stands for: status from its code, as the service would answer it alone.</summary>
    private S3Exception ToException(S3DeleteError error)
    {
        var status = error.Code switch
        {
            "AccessDenied" or "AllAccessDisabled" => HttpStatusCode.Forbidden,
            "NoSuchKey" or "NoSuchBucket" or "NoSuchVersion" => HttpStatusCode.NotFound,
            "InternalError" => HttpStatusCode.InternalServerError,
            "SlowDown" or "ServiceUnavailable" => HttpStatusCode.ServiceUnavailable,
            _ => HttpStatusCode.BadRequest,
        };
        return S3ExceptionFactory.Create(status, new S3ErrorBody(error.Code, error.Message, null, null, bucket, error.Key, null), null, null);
    }
}
