using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace S3Client.Errors.Internal;

/// <summary>The one place that turns an S3 error answer into a typed <see cref="S3Exception"/>.</summary>
internal static class S3ExceptionFactory
{
    /// <summary>Reads at most <paramref name="maxBodyBytes"/> of the error body and builds the exception.</summary>
    public static async Task<S3Exception> FromResponseAsync(
        HttpRequestMessage request, HttpResponseMessage response, int maxBodyBytes, CancellationToken cancellationToken)
    {
        S3ErrorBody? body = null;
        if (request.Method != HttpMethod.Head)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(maxBodyBytes, 1));
            try
            {
                var length = await ReadCappedAsync(response.Content, buffer.AsMemory(0, maxBodyBytes), cancellationToken).ConfigureAwait(false);
                body = S3ErrorParser.TryParse(buffer.AsSpan(0, length));
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                // The status code alone still makes a useful exception; a broken error body must not hide it.
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        return Create(response.StatusCode, body, response.Headers, S3RequestContext.Get(request));
    }

    /// <summary>
    /// For the calls that can fail after a 200 (the service sends headers first, then works): buffers the small body
    /// and returns the exception if it is an <c>&lt;Error&gt;</c> document, with the status its code implies.
    /// </summary>
    public static async Task<S3Exception?> FromErrorIn200Async(HttpResponseMessage response, S3RequestContext context, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var trimmed = bytes.AsSpan().TrimStart(" \t\r\n"u8);
        if (trimmed.IndexOf("<Error"u8) < 0 || S3ErrorParser.TryParse(trimmed) is not { } body)
        {
            return null;
        }

        var status = body.Code switch
        {
            "InternalError" => HttpStatusCode.InternalServerError,
            "SlowDown" or "ServiceUnavailable" => HttpStatusCode.ServiceUnavailable,
            _ => HttpStatusCode.BadRequest,
        };
        return Create(status, body, response.Headers, context);
    }

    /// <summary>Builds the exception for <paramref name="status"/>: status code first, error code second.</summary>
    public static S3Exception Create(HttpStatusCode status, S3ErrorBody? body, HttpResponseHeaders? headers, S3RequestContext? context)
    {
        var requestId = body?.RequestId ?? Header(headers, "x-amz-request-id");
        var hostId = body?.HostId ?? Header(headers, "x-amz-id-2");
        var bucket = context?.BucketName ?? body?.BucketName;
        var key = context?.ObjectKey ?? body?.Key;
        var shownKey = context is { IncludeKeyInDiagnostics: false } && key is not null ? "(redacted)" : key;
        var message = Describe(status, body, requestId, hostId, context?.Operation, bucket, shownKey);
        var code = (int)status;

        S3Exception exception = code switch
        {
            304 => new S3NotModifiedException(message, status),
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

        exception.SetDetails(body?.Code, body?.Message, requestId, hostId, context?.Operation, bucket, key, body?.Region);
        return exception;
    }

    private static string Describe(HttpStatusCode status, S3ErrorBody? body, string? requestId, string? hostId, string? operation, string? bucket, string? key)
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
            builder.Append(status.ToString()).Append(" (no error body)");
        }

        if (body?.Message is { } serverMessage)
        {
            builder.Append(": ").Append(serverMessage.TrimEnd('.')).Append('.');
        }
        else if (body?.Code is not null)
        {
            builder.Append('.');
        }

        if (body?.Region is { } region)
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
