using System.Text;

namespace S3Client.Testing.Internal;

/// <summary>
/// ListObjectsV2 continuation tokens: opaque to callers, here the last key or common prefix of the page. A token the
/// store did not issue is refused as S3 refuses it (400 <c>InvalidArgument</c>).
/// </summary>
internal static class ContinuationToken
{
    private const string Prefix = "in-memory-s3:";

    public static string Encode(string marker) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + marker));

    public static string Decode(string token, FakeRequest request)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw request.InvalidArgument("The continuation token provided is incorrect");
        }

        return text.StartsWith(Prefix, StringComparison.Ordinal)
            ? text[Prefix.Length..]
            : throw request.InvalidArgument("The continuation token provided is incorrect");
    }
}
