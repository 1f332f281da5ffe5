using System.Text;
using System.Xml;

namespace S3Client.Xml.Internal;

/// <summary>Writes the small XML request bodies of S3 (DeleteObjects, CompleteMultipartUpload, tagging, versioning).</summary>
internal static class S3XmlBody
{
    public const string Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        OmitXmlDeclaration = false,
        CheckCharacters = true,
    };

    /// <summary>Runs <paramref name="write"/> inside the root element <paramref name="root"/> and returns UTF-8 bytes.</summary>
    public static byte[] Build(string root, Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(root, Namespace);
            write(writer);
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }
}
