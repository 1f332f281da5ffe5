using System.Xml;

namespace S3Client.Xml.Internal;

/// <summary>Hardened reader settings for every S3 response: no DTDs, no external resolution, bounded size.</summary>
internal static class S3XmlReaderSettings
{
    public static XmlReaderSettings Create(bool async, long maxCharacters = 0) => new()
    {
        Async = async,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersInDocument = maxCharacters,
        CloseInput = false,
    };
}
