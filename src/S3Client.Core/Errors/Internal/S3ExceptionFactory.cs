using System.Net;
using System.Net.Http.Headers;
using System.Text;
using S3Client.Pipeline.Internal;

namespace S3Client.Errors.Internal;

/// <summary>The one place that turns an S3 error answer into a typed <see cref="S3Exception"/>.</summary>
internal static class S3ExceptionFactory
{
    /// <summary>The exception for an answer the attempt classified as failed (see <see cref="S3Answer"/>).</summary>
    public static S3Exception FromAnswer(HttpResponseMessage response, S3RequestContext? context)
    {
        var answer = S3Answer.Of(response);
        var status = S3Answer.FailureStatus(response) ?? response.StatusCode;
        return Create(status, answer?.Error, response.Headers, context, response.RequestMessage?.Method == HttpMethod.Head);
    }

    /// <summary>Builds the exception for <paramref name="status"/>: status code first, error code second.</summary>
    public static S3Exception Create(HttpStatusCode status, S3ErrorBody? body, HttpResponseHeaders? headers, S3RequestContext? context, bool isHead = false)
    {
        var requestId = body?.RequestId ?? Header(headers, "x-amz-request-id");
        var hostId = body?.HostId ?? Header(headers, "x-amz-id-2");
        var bucket = context?.BucketName ?? body?.BucketName;
        var key = context?.ObjectKey ?? body?.Key;
        var shownKey = context is { IncludeKeyInDiagnostics: false } && key is not null ? "(redacted)" : key;
        var region = body?.Region ?? Header(headers, "x-amz-bucket-region");
        var endpoint = body?.Endpoint ?? headers?.Location?.Host;
        var message = Describe(status, body, requestId, hostId, context?.Operation, bucket, shownKey, region, endpoint, isHead);
        var code = (int)status;

        S3Exception exception = code switch
        {
            304 => new S3NotModifiedException(message, status),
            >= 300 and < 400 => new S3RedirectException(message, status) { Endpoint = endpoint },
            400 => new S3InvalidRequestException(message, status),
            403 => new S3AccessDeniedException(message, status),
            404 => new S3NotFoundException(message, status),
            409 => new S3ConflictException(message, status),
            412 => new S3PreconditionFailedException(message, status),
            416 => new S3RangeNotSatisfiableException(message, status),
            >= 400 and < 500 => new S3ClientException(message, status),
            >= 500 => new S3ServerException(message, status),
            _ => new S3Exception(message, status),
        };

        exception.SetDetails(body?.Code, body?.Message, requestId, hostId, context?.Operation, bucket, key, region);
        return exception;
    }

    private static string Describe(
        HttpStatusCode status, S3ErrorBody? body, string? requestId, string? hostId, string? operation, string? bucket, string? key, string? region,
        string? endpoint, bool isHead)
    {
        var builder = new StringBuilder(160);
        builder.Append(operation ?? "S3 request").Append(" failed");
        if (bucket is not null)
        {
            builder.Append(" for bucket '").Append(bucket).Append('\'');
            if (key is not null)
            {
                builder.Append(", key '").Append(key).Append('\'');
            }
        }

        builder.Append(": ").Append((int)status).Append(' ');
        if (body?.Code is { } code)
        {
            builder.Append(code);
        }
        else
        {
            builder.Append(status.ToString()).Append(isHead ? " (a HEAD answer has no error body)" : " (no error body)");
        }

        if (body?.Message is { } serverMessage)
        {
            builder.Append(": ").Append(serverMessage.TrimEnd('.')).Append('.');
        }
        else if (body?.Code is not null)
        {
            builder.Append('.');
        }

        if ((int)status is >= 300 and < 400 && status != HttpStatusCode.NotModified)
        {
            builder.Append(" S3 answers with a redirect when the request went to the wrong endpoint or region; redirects are never followed");
            if (endpoint is not null)
            {
                builder.Append(". The service names endpoint '").Append(endpoint).Append('\'');
            }

            builder.Append(". Set ServiceUrl").Append(region is null ? string.Empty : " or Region").Append(" to match.");
        }
        else if (isHead && status == HttpStatusCode.Forbidden)
        {
            builder.Append(" Check AccessKeyId/SecretAccessKey, the Region the bucket is in, and this machine's clock.");
        }

        if (region is not null)
        {
            builder.Append(" The service expects region '").Append(region).Append("'.");
        }

        if (requestId is not null || hostId is not null)
        {
            builder.Append(" (RequestId: ").Append(requestId ?? "none");
            if (hostId is not null)
            {
                builder.Append(", HostId: ").Append(hostId);
            }

            builder.Append(')');
        }

        return builder.ToString();
    }

    private static string? Header(HttpResponseHeaders? headers, string name) =>
        headers is not null && headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;

    private static async Task<int> ReadCappedAsync(HttpContent content, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var total = 0;
            while (total < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer[total..], cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return total;
        }
    }
}
