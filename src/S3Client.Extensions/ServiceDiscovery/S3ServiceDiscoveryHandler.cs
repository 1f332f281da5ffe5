using System.Net;
using Microsoft.Extensions.ServiceDiscovery;

namespace S3Client.ServiceDiscovery;

/// <summary>
/// Resolves a logical <c>ServiceUrl</c> such as <c>http://storage</c> through Microsoft.Extensions.ServiceDiscovery when
/// the app registered it (<c>services.AddServiceDiscovery()</c>), and sits above the signing handler, so the signature
/// covers the resolved host. (The factory's own <c>AddServiceDiscovery()</c> handler would sit below signing and change
/// the host after the request was signed; with this one above, it finds an address and leaves it alone.) Without a
/// resolver, or when nothing is known for the name, the request goes out unchanged.
/// </summary>
internal sealed class S3ServiceDiscoveryHandler(ServiceEndpointResolver? resolver) : DelegatingHandler
{
    private int _next;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A retried request was resolved on its first attempt: its host is an address by now.
        if (resolver is not null && request.RequestUri is { IsAbsoluteUri: true } uri && !IPAddress.TryParse(uri.IdnHost, out _))
        {
            var source = await resolver.GetEndpointsAsync(uri.GetLeftPart(UriPartial.Authority), cancellationToken).ConfigureAwait(false);
            if (source.Endpoints.Count > 0)
            {
                var endpoint = source.Endpoints[(int)((uint)Interlocked.Increment(ref _next) % (uint)source.Endpoints.Count)];
                request.RequestUri = Resolve(uri, endpoint.EndPoint);
            }
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The request URI with scheme, host and port of <paramref name="endpoint"/>; path and query as they were.</summary>
    public static Uri Resolve(Uri uri, EndPoint endpoint)
    {
        var (scheme, host, port) = endpoint switch
        {
            UriEndPoint u => (u.Uri.Scheme, u.Uri.IdnHost, u.Uri.Port),
            DnsEndPoint d => (uri.Scheme, d.Host, d.Port > 0 ? d.Port : uri.Port),
            IPEndPoint ip => (uri.Scheme, ip.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ip.Address}]" : ip.Address.ToString(), ip.Port > 0 ? ip.Port : uri.Port),
            _ => (uri.Scheme, uri.IdnHost, uri.Port),
        };
        var builder = new UriBuilder(uri) { Scheme = scheme, Host = host.Trim('[', ']'), Port = port };
        return new Uri(builder.Uri.GetLeftPart(UriPartial.Authority) + uri.PathAndQuery, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
    }
}
