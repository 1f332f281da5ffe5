using System.Net;
using S3Client.Model.Internal;
using S3Client.Signing.Internal;

namespace S3Client;

/// <summary>
/// Signs each attempt with SigV4: a fresh <c>x-amz-date</c> from the <see cref="TimeProvider"/> and the current
/// credentials every time, so a retried request is never sent with a stale date or an expired session token.
/// Sits inside the resilience handler, just above the socket handler. When the service answers
/// <c>RequestTimeTooSkewed</c>, the handler learns the clock offset from the answer's <c>Date</c> and re-sends once;
/// when it answers <c>ExpiredToken</c>, it refreshes the credentials and re-sends once (replayable bodies only).
/// </summary>
public sealed class S3SigningHandler : DelegatingHandler
{
    private readonly IS3CredentialsProvider _credentials;
    private readonly SigV4Signer _signer;
    private readonly TimeProvider _timeProvider;
    private readonly S3PayloadSigning _payloadSigning;
    private readonly ClockOffset _clockOffset;

    /// <summary>Creates the handler.</summary>
    /// <param name="credentials">Supplies the credentials for each attempt.</param>
    /// <param name="region">The signing region.</param>
    /// <param name="payloadSigning">How request bodies are covered by the signature.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    public S3SigningHandler(
        IS3CredentialsProvider credentials, string region, S3PayloadSigning payloadSigning, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _credentials = credentials;
        _signer = new SigV4Signer(region);
        _payloadSigning = payloadSigning;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _clockOffset = new ClockOffset();
    }

    /// <summary>Creates the handler from client options: their credentials (or provider), region and payload signing.</summary>
    /// <param name="options">The client settings.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="InvalidOperationException">The options hold no credentials.</exception>
    public S3SigningHandler(S3ClientOptions options, TimeProvider? timeProvider)
        : this(S3CredentialsChain.Resolve(options ?? throw new ArgumentNullException(nameof(options))), S3CredentialsChain.ResolveRegion(options), options.PayloadSigning, timeProvider)
    {
        _clockOffset = ClockOffset.For(options);
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = S3RequestContext.Get(request);
        context?.NextAttempt();
        var credentials = await _credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        var payloadHash = context?.PayloadHash;
        if (payloadHash is null)
        {
            payloadHash = await ComputePayloadHashAsync(request.Content, request.RequestUri, cancellationToken).ConfigureAwait(false);
            if (context is not null)
            {
                context.PayloadHash = payloadHash;
            }
        }

        _signer.Sign(request, credentials, _timeProvider.GetUtcNow() + _clockOffset.Value, payloadHash);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.BadRequest) || context is { IsReplayable: false })
        {
            return response;
        }

        // Two refusals that a second, re-signed attempt fixes: a clock that is off, and temporary credentials that expired.
        var code = await S3ResponseInspector.GetErrorCodeAsync(response, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (code == "RequestTimeTooSkewed" && response.Headers.Date is { } serverTime)
        {
            _clockOffset.Value = serverTime - _timeProvider.GetUtcNow();
        }
        else if (code is "ExpiredToken" or "TokenRefreshRequired")
        {
            credentials = await _credentials.RefreshCredentialsAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            return response;
        }

        response.Dispose();
        context?.NextAttempt();
        _signer.Sign(request, credentials, _timeProvider.GetUtcNow() + _clockOffset.Value, payloadHash);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    // Auto signs the body's SHA-256 over plain HTTP, where it is the only integrity check; over HTTPS, TLS protects the
    // body and hashing it would cost a second pass over every byte, so it is sent as UNSIGNED-PAYLOAD (as the AWS SDKs do).
    private ValueTask<string> ComputePayloadHashAsync(HttpContent? content, Uri? uri, CancellationToken cancellationToken) => content switch
    {
        null => new(SigV4Signer.EmptyPayloadHash),
        S3PayloadContent { Length: 0 } => new(SigV4Signer.EmptyPayloadHash),
        S3PayloadContent { IsReplayable: true } payload when _payloadSigning == S3PayloadSigning.Auto && uri?.Scheme != Uri.UriSchemeHttps =>
            payload.ComputeSha256HexAsync(cancellationToken),
        _ => new(SigV4Signer.UnsignedPayload),
    };
}
