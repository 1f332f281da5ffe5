using S3Client.Model.Internal;

namespace S3Client.Signing.Internal;

/// <summary>
/// Everything one client signs with: its credentials provider, the SigV4 signer with its signing-key cache, and the
/// clock offset learnt from the service. One instance per client, shared by the attempt handler and presigning, so a
/// learnt offset or refreshed credentials serve both, and nothing about a client lives in static state.
/// </summary>
internal sealed class S3RequestSigner
{
    private readonly IS3CredentialsProvider _credentials;
    private readonly SigV4Signer _signer;
    private readonly TimeProvider _timeProvider;
    private readonly S3PayloadSigning _payloadSigning;
    private long _clockOffsetTicks;

    public S3RequestSigner(IS3CredentialsProvider credentials, string region, S3PayloadSigning payloadSigning, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _credentials = credentials;
        _signer = new SigV4Signer(region);
        _payloadSigning = payloadSigning;
        _timeProvider = timeProvider;
    }

    /// <summary>The signer for <paramref name="options"/>: its credentials chain, region and payload signing mode.</summary>
    public static S3RequestSigner Create(S3ClientOptions options, TimeProvider timeProvider) =>
        new(S3CredentialsChain.Resolve(options), S3CredentialsChain.ResolveRegion(options), options.PayloadSigning, timeProvider);

    public string Region => _signer.Region;

    /// <summary>How far the service's clock is from ours; added to every signature time.</summary>
    public TimeSpan ClockOffset => TimeSpan.FromTicks(Interlocked.Read(ref _clockOffsetTicks));

    /// <summary>The time signatures carry: our clock corrected by the learnt offset.</summary>
    public DateTimeOffset Now => _timeProvider.GetUtcNow() + ClockOffset;

    /// <summary>
    /// Signs one attempt: current credentials, a fresh date, and the payload hash (computed by the first attempt and
    /// kept on <paramref name="context"/> for the others).
    /// </summary>
    public async ValueTask SignAsync(HttpRequestMessage request, S3RequestContext? context, CancellationToken cancellationToken)
    {
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

        _signer.Sign(request, credentials, Now, payloadHash);
    }

    /// <summary>Presigns <paramref name="uri"/> with the current credentials and the corrected clock.</summary>
    public async ValueTask<Uri> PresignAsync(
        string method, Uri uri, TimeSpan expiresIn, IReadOnlyList<KeyValuePair<string, string>>? signedHeaders, CancellationToken cancellationToken)
    {
        var credentials = await _credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        return _signer.Presign(method, uri, credentials, Now, expiresIn, signedHeaders);
    }

    /// <summary>Learns the offset from the <c>Date</c> of a <c>RequestTimeTooSkewed</c> answer.</summary>
    public void LearnClockOffset(DateTimeOffset serverTime) =>
        Interlocked.Exchange(ref _clockOffsetTicks, (serverTime - _timeProvider.GetUtcNow()).Ticks);

    /// <summary>Asks the provider for fresh credentials after the service said the current ones expired.</summary>
    public async ValueTask RefreshCredentialsAsync(CancellationToken cancellationToken) =>
        await _credentials.RefreshCredentialsAsync(cancellationToken).ConfigureAwait(false);

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
