using System.Globalization;
using System.Text;
using System.Xml;

namespace S3Client.WireLogging.Internal;

/// <summary>
/// The parts of a <c>SignatureDoesNotMatch</c> error body that tell what the service signed: AWS sends
/// <c>&lt;CanonicalRequest&gt;</c>, <c>&lt;StringToSign&gt;</c> and <c>&lt;StringToSignBytes&gt;</c>; many
/// S3-compatible services send only the code.
/// </summary>
internal sealed record SignatureMismatchBody(string Code, string? CanonicalRequest, string? StringToSign)
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = 1024 * 1024,
    };

    /// <summary>The error's code and what the service signed; null when the body is not an S3 error document.</summary>
    public static SignatureMismatchBody? TryParse(byte[] body)
    {
        string? code = null, canonicalRequest = null, stringToSign = null, stringToSignBytes = null;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), Settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "Error")
            {
                return null;
            }

            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "Code": code = reader.ReadElementContentAsString(); break;
                    case "CanonicalRequest": canonicalRequest = reader.ReadElementContentAsString(); break;
                    case "StringToSign": stringToSign = reader.ReadElementContentAsString(); break;
                    case "StringToSignBytes": stringToSignBytes = reader.ReadElementContentAsString(); break;
                    default: reader.Skip(); break;
                }
            }
        }
        catch (XmlException)
        {
            return null;
        }

        return code is null ? null : new SignatureMismatchBody(code, canonicalRequest, stringToSign ?? FromBytes(stringToSignBytes));
    }

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
