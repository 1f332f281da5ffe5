using System.Text;
using S3Client.Signing.Internal;

namespace S3Client.Addressing.Internal;

/// <summary>
/// Builds request URIs: endpoint, addressing style, the key encoded once per segment (never normalised), and the
/// query. URIs are created with canonicalisation disabled so <c>//</c>, <c>.</c> and <c>..</c> reach the server.
/// </summary>
internal sealed class S3EndpointResolver
{
    private static readonly UriCreationOptions Raw = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private readonly string _scheme;
    private readonly string _authority;
    private readonly string _basePath;
    private readonly S3AddressingStyle _style;
    private readonly bool _isAws;

    public S3EndpointResolver(Uri? serviceUrl, string region, S3AddressingStyle style)
    {
        var endpoint = serviceUrl ?? new Uri($"https://s3.{region}.amazonaws.com");
        _scheme = endpoint.Scheme;
        _authority = endpoint.IsDefaultPort ? endpoint.IdnHost : $"{endpoint.IdnHost}:{endpoint.Port}";
        _basePath = endpoint.AbsolutePath.TrimEnd('/');
        _style = style;
        _isAws = endpoint.IdnHost.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether <paramref name="bucket"/> goes into the host name.</summary>
    public bool UsesVirtualHost(string bucket) => _style switch
    {
        S3AddressingStyle.VirtualHosted => true,
        S3AddressingStyle.Path => false,
        // Dotted names break TLS wildcard certificates, so they stay in the path.
        _ => _isAws && !bucket.Contains('.', StringComparison.Ordinal),
    };

    /// <summary>The URI of a bucket (when <paramref name="key"/> is null) or an object, with optional query.</summary>
    public Uri Build(string? bucket, string? key, IReadOnlyList<KeyValuePair<string, string?>>? query = null)
    {
        var builder = new StringBuilder(64 + (key?.Length ?? 0) * 3);
        builder.Append(_scheme).Append("://");
        var virtualHost = bucket is not null && UsesVirtualHost(bucket);
        if (virtualHost)
        {
            builder.Append(bucket).Append('.');
        }

        builder.Append(_authority).Append(_basePath).Append('/');
        if (bucket is not null && !virtualHost)
        {
            builder.Append(bucket);
            if (key is not null)
            {
                builder.Append('/');
            }
        }

        if (key is not null)
        {
            S3UriEncoding.Append(builder, key, keepSlash: true);
        }

        if (query is { Count: > 0 })
        {
            for (var i = 0; i < query.Count; i++)
            {
                builder.Append(i == 0 ? '?' : '&');
                S3UriEncoding.Append(builder, query[i].Key, keepSlash: false);
                if (query[i].Value is { } value)
                {
                    builder.Append('=');
                    S3UriEncoding.Append(builder, value, keepSlash: false);
                }
            }
        }

        return new Uri(builder.ToString(), Raw);
    }
}
