namespace S3Client.Xml.Internal;

/// <summary>What <see cref="Utf8XmlScanner"/> found.</summary>
internal enum XmlTokenKind
{
    None = 0,
    StartElement = 1,
    EndElement = 2,
    Text = 3,
    CData = 4,
}
