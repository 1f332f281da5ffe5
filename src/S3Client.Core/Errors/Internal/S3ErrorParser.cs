using System.Xml;
using S3Client.Xml.Internal;

namespace S3Client.Errors.Internal;

/// <summary>
/// Reads an S3 <c>&lt;Error&gt;</c> document whatever its namespace (s3rver uses a non-AWS one), XML declaration
/// quotes (Swift uses single quotes) or missing fields (RGW sends an empty Message, s3rver no RequestId).
/// </summary>
internal static class S3ErrorParser
{
    /// <summary>Parses <paramref name="body"/>; returns null when it is empty or not an <c>&lt;Error&gt;</c> document.</summary>
    public static S3ErrorBody? TryParse(ArraySegment<byte> body)
    {
        if (body.Count == 0)
        {
            return null;
        }

        try
        {
            using var stream = new MemoryStream(body.Array!, body.Offset, body.Count, writable: false);
            using var reader = XmlReader.Create(stream, S3XmlReaderSettings.Create(async: false, maxCharacters: body.Count * 4L + 1024));
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "Error")
            {
                return null;
            }

            string? code = null, message = null, requestId = null, hostId = null, bucket = null, key = null, region = null;
            string? endpoint = null, canonicalRequest = null, stringToSign = null, stringToSignBytes = null;
            if (reader.IsEmptyElement)
            {
                return new S3ErrorBody(null, null, null, null, null, null, null);
            }

            reader.Read();
            while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "Code": code = Text(reader); break;
                    case "Message": message = Text(reader); break;
                    case "RequestId": requestId = Text(reader); break;
                    case "HostId": hostId = Text(reader); break;
                    case "BucketName": bucket = Text(reader); break;
                    case "Key": key = Text(reader); break;
                    case "Region": region = Text(reader); break;
                    case "Endpoint": endpoint = Text(reader); break;
                    case "CanonicalRequest": canonicalRequest = Text(reader); break;
                    case "StringToSign": stringToSign = Text(reader); break;
                    case "StringToSignBytes": stringToSignBytes = Text(reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new S3ErrorBody(code, message, requestId, hostId, bucket, key, region)
            {
                Endpoint = endpoint,
                CanonicalRequest = canonicalRequest,
                StringToSign = stringToSign,
                StringToSignBytes = stringToSignBytes,
            };
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static string? Text(XmlReader reader)
    {
        var text = reader.ReadElementContentAsString();
        return text.Length == 0 ? null : text;
    }
}
