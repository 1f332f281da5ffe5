using System.Text;

namespace S3Client.Signing.Internal;

/// <summary>
/// Builds the canonical query string: every name and value decoded then encoded once (space is <c>%20</c>),
/// sorted by encoded name then encoded value, <c>name=</c> for empty values.
/// </summary>
internal static class CanonicalQuery
{
    /// <summary>Canonicalises a raw query (with or without its leading <c>?</c>).</summary>
    public static string Build(ReadOnlySpan<char> rawQuery, IReadOnlyList<KeyValuePair<string, string>>? extra = null)
    {
        if (!rawQuery.IsEmpty && rawQuery[0] == '?')
        {
            rawQuery = rawQuery[1..];
        }

        if (rawQuery.IsEmpty && (extra is null || extra.Count == 0))
        {
            return string.Empty;
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var range in rawQuery.Split('&'))
        {
            var part = rawQuery[range];
            if (part.IsEmpty)
            {
                continue;
            }

            var equals = part.IndexOf('=');
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? [] : part[(equals + 1)..];
            pairs.Add(new(Canonical(name), Canonical(value)));
        }

        if (extra is not null)
        {
            foreach (var pair in extra)
            {
                pairs.Add(new(S3UriEncoding.EncodeQueryComponent(pair.Key), S3UriEncoding.EncodeQueryComponent(pair.Value)));
            }
        }

        pairs.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Key, b.Key);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });

        var builder = new StringBuilder(rawQuery.Length + 16);
        for (var i = 0; i < pairs.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('&');
            }

            builder.Append(pairs[i].Key).Append('=').Append(pairs[i].Value);
        }

        return builder.ToString();
    }

    private static string Canonical(ReadOnlySpan<char> component) =>
        S3UriEncoding.EncodeQueryComponent(S3UriEncoding.Decode(component));
}
