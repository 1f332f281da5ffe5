using System.Security.Cryptography;

namespace S3Client.Testing.Internal;

/// <summary>Entity tags as S3 computes and compares them.</summary>
internal static class EntityTags
{
#pragma warning disable CA5351 // MD5 is what S3's entity tags are made of, not a security measure.
    public static byte[] Md5(ReadOnlySpan<byte> data) => MD5.HashData(data);
#pragma warning restore CA5351

    /// <summary>The quoted lower-case hex MD5 of a single PUT.</summary>
    public static string ForContent(ReadOnlySpan<byte> data) => Quote(Convert.ToHexStringLower(Md5(data)));

    /// <summary>The multipart entity tag: the MD5 of the parts' binary MD5s, then <c>-</c> and the part count.</summary>
    public static string ForParts(IReadOnlyList<byte[]> partMd5s)
    {
        var all = new byte[partMd5s.Count * 16];
        for (var i = 0; i < partMd5s.Count; i++)
        {
            partMd5s[i].CopyTo(all, i * 16);
        }

        return Quote($"{Convert.ToHexStringLower(Md5(all))}-{partMd5s.Count}");
    }

    /// <summary>Whether an <c>If-Match</c>/<c>If-None-Match</c> value (a list, <c>*</c>, quoted or not) names <paramref name="etag"/>.</summary>
    public static bool Matches(string condition, string etag)
    {
        var bare = Unquote(etag);
        foreach (var candidate in condition.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (candidate == "*" || Unquote(candidate) == bare)
            {
                return true;
            }
        }

        return false;
    }

    public static string Unquote(string etag)
    {
        var value = etag.StartsWith("W/", StringComparison.Ordinal) ? etag[2..] : etag;
        return value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
    }

    private static string Quote(string value) => string.Concat("\"", value, "\"");
}
