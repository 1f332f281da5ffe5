using System.Globalization;
using System.Text;
using S3Client.Errors.Internal;

namespace S3Client.WireLogging.Internal;

/// <summary>
/// The parts of a <c>SignatureDoesNotMatch</c> error body that tell what the service signed: AWS sends
/// <c>&lt;CanonicalRequest&gt;</c>, <c>&lt;StringToSign&gt;</c> and <c>&lt;StringToSignBytes&gt;</c>; many
/// S3-compatible services send only the code.
/// </summary>
internal sealed record SignatureMismatchBody(string Code, string? CanonicalRequest, string? StringToSign)
{
    /// <summary>The error's code and what the service signed; null when the body is not an S3 error document.</summary>
    /// <summary>What the service said, from the error document the attempt already parsed.</summary>
    public static SignatureMismatchBody From(S3ErrorBody error) =>
        new(error.Code ?? "SignatureDoesNotMatch", error.CanonicalRequest, error.StringToSign ?? FromBytes(error.StringToSignBytes));

    /// <summary>Parses an error document (with the client's one error parser).</summary>
    public static SignatureMismatchBody? TryParse(byte[] body) =>
        S3ErrorParser.TryParse(body) is { Code: not null } error ? From(error) : null;

    // "41 57 53 34 ..." (space-separated hex bytes of the UTF-8 text)
    private static string? FromBytes(string? hex)
    {
        if (string.IsNullOrWhiteSpace(hex))
        {
            return null;
        }

        var bytes = new List<byte>();
        foreach (var part in hex.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!byte.TryParse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                return null;
            }

            bytes.Add(b);
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }
}
