using System.Collections;

namespace S3Client.FaultInjection.Internal;

/// <summary>Header fields in the order they arrived, names compared without case.</summary>
internal sealed class HeaderList : IReadOnlyList<KeyValuePair<string, string>>
{
    // Hop-by-hop fields: they describe one connection, and the proxy makes each connection its own way.
    private static readonly string[] HopByHop = ["Connection", "Keep-Alive", "Proxy-Connection"];

    private readonly List<KeyValuePair<string, string>> _fields;

    public HeaderList(List<KeyValuePair<string, string>> fields) => _fields = fields;

    public int Count => _fields.Count;

    public KeyValuePair<string, string> this[int index] => _fields[index];

    /// <summary>The value of <paramref name="name"/>, repeated fields joined by ", "; <see langword="null"/> when absent.</summary>
    public string? Get(string name)
    {
        string? value = null;
        foreach (var field in _fields)
        {
            if (string.Equals(field.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = value is null ? field.Value : $"{value}, {field.Value}";
            }
        }

        return value;
    }

    /// <summary>
    /// A copy for the next hop: without the hop-by-hop fields (and those the Connection field names) or
    /// <paramref name="alsoDrop"/>, and with <c>Connection: close</c> so that the connection carries one exchange.
    /// </summary>
    public HeaderList ForNextHop(params string[] alsoDrop)
    {
        var drop = new HashSet<string>(HopByHop.Concat(alsoDrop), StringComparer.OrdinalIgnoreCase);
        foreach (var token in (Get("Connection") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            drop.Add(token);
        }

        var fields = _fields.Where(field => !drop.Contains(field.Key)).ToList();
        fields.Add(new("Connection", "close"));
        return new HeaderList(fields);
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
