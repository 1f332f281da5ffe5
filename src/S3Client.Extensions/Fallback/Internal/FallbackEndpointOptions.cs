namespace S3Client.Fallback.Internal;

/// <summary>
/// The options of one fallback endpoint's own client: the primary's settings (retries, timeouts, circuit breaker,
/// transfers, diagnostics) with the endpoint's URL, region, addressing style and credentials, and no fallback of its own.
/// </summary>
internal static class FallbackEndpointOptions
{
    /// <summary>The client name of endpoint <paramref name="index"/> of client <paramref name="name"/> (options, HttpClient, keyed service).</summary>
    public static string ClientName(string name, int index) => $"{name}#fallback{index}";

    /// <summary>Reads a name made by <see cref="ClientName"/> back into the client's name and the endpoint's index.</summary>
    public static bool TryParseClientName(string name, out string client, out int index)
    {
        var marker = name.LastIndexOf("#fallback", StringComparison.Ordinal);
        client = marker < 0 ? string.Empty : name[..marker];
        index = -1;
        return marker >= 0
            && int.TryParse(name.AsSpan(marker + "#fallback".Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out index);
    }

    public static S3ClientOptions Derive(S3ClientOptions client, int index)
    {
        var options = new S3ClientOptions();
        CopyInto(options, client, index);
        return options;
    }

    public static void CopyInto(S3ClientOptions target, S3ClientOptions client, int index)
    {
        target.PayloadSigning = client.PayloadSigning;
        target.MaxErrorResponseBytes = client.MaxErrorResponseBytes;
        target.Retry = client.Retry;
        target.CircuitBreaker = client.CircuitBreaker;
        target.Timeouts = client.Timeouts;
        target.Transfer = client.Transfer;
        target.Diagnostics = client.Diagnostics;
        target.Fallback = new S3FallbackOptions();
        if (index >= client.Fallback.Endpoints.Count)
        {
            // The endpoint was removed after registration: an unused client with the primary's address.
            target.ServiceUrl = client.ServiceUrl;
            return;
        }

        var endpoint = client.Fallback.Endpoints[index];
        target.ServiceUrl = endpoint.ServiceUrl;
        target.PublicServiceUrl = null;
        target.Region = endpoint.Region ?? client.Region;
        target.AddressingStyle = endpoint.AddressingStyle ?? client.AddressingStyle;
        if (!string.IsNullOrWhiteSpace(endpoint.AccessKeyId))
        {
            target.AccessKeyId = endpoint.AccessKeyId;
            target.SecretAccessKey = endpoint.SecretAccessKey;
            target.SessionToken = endpoint.SessionToken;
            target.CredentialsProvider = null;
        }
        else
        {
            target.AccessKeyId = client.AccessKeyId;
            target.SecretAccessKey = client.SecretAccessKey;
            target.SessionToken = client.SessionToken;
            target.CredentialsProvider = client.CredentialsProvider;
        }
    }
}
