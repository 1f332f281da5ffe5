using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using S3Client.Xml.Internal;

namespace S3Client.Listing.Internal;

/// <summary>
/// Parses a ListObjectsV2 <c>&lt;ListBucketResult&gt;</c> from its UTF-8 bytes with <see cref="Utf8XmlScanner"/>: a
/// 1000-key page is the hot path of listing, and a general XML reader spends most of its time on generality. Namespaces
/// are ignored (s3rver uses a non-AWS one). Keys are URL-decoded only when the response says
/// <c>&lt;EncodingType&gt;url&lt;/EncodingType&gt;</c>, which may come after the keys, so a server that ignores
/// <c>encoding-type</c> never has its raw keys decoded.
/// </summary>
internal static class ListObjectsV2Parser
{
    private const int MaxBodyBytes = 64 * 1024 * 1024;

    private static readonly string[] StorageClasses =
        ["STANDARD", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER", "GLACIER_IR", "DEEP_ARCHIVE", "REDUCED_REDUNDANCY", "EXPRESS_ONEZONE"];

    private enum Field
    {
        None,
        Key,
        Size,
        ETag,
        LastModified,
        StorageClass,
        Prefix,
    }

    private enum Section
    {
        None,
        Contents,
        CommonPrefixes,
        IsTruncated,
        NextContinuationToken,
        EncodingType,
    }

    public static async Task<ListObjectsPage> ParseAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(256 * 1024);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length >= MaxBodyBytes)
                    {
                        throw new InvalidDataException($"The listing page is larger than {MaxBodyBytes} bytes.");
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return Parse(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static ListObjectsPage Parse(ReadOnlySpan<byte> xml)
    {
        // Decoding keys while scanning saves a second string per key. Whether they are URL-encoded is said by an element
        // that may follow them, so guess from the bytes first and parse again in the rare case the guess was wrong.
        var guess = xml.IndexOf("EncodingType>url<"u8) >= 0;
        var (page, urlEncoded) = Parse(xml, guess);
        return urlEncoded == guess ? page : Parse(xml, urlEncoded).Page;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (ListObjectsPage Page, bool UrlEncoded) Parse(ReadOnlySpan<byte> xml, bool decodeKeys)
    {
        var scanner = new Utf8XmlScanner(xml);
        if (!scanner.Read() || scanner.Kind != XmlTokenKind.StartElement || !scanner.Name.SequenceEqual("ListBucketResult"u8))
        {
            throw new InvalidDataException("Expected an S3 <ListBucketResult> document.");
        }

        var objects = new List<S3ObjectInfo>(Math.Min(1000, xml.Length / 256));
        var prefixes = new List<string>();
        string? next = null;
        bool truncated = false, urlEncoded = false;
        if (scanner.IsEmptyElement)
        {
            return (new ListObjectsPage(objects, prefixes, null), false);
        }

        var depth = 1;
        var section = Section.None;
        var field = Field.None;
        string? key = null, etag = null, storageClass = null, prefix = null;
        long size = 0;
        var modified = DateTimeOffset.MinValue;
        while (scanner.Read() && depth > 0)
        {
            switch (scanner.Kind)
            {
                case XmlTokenKind.StartElement when depth == 1:
                    section = SectionOf(scanner.Name);
                    (key, etag, storageClass, prefix, size, modified) = (null, null, null, null, 0, DateTimeOffset.MinValue);
                    if (scanner.IsEmptyElement)
                    {
                        Finish(section, objects, prefixes, key, size, etag, modified, storageClass, prefix);
                        section = Section.None;
                    }
                    else
                    {
                        depth++;
                    }

                    break;
                case XmlTokenKind.StartElement:
                    field = depth == 2 ? FieldOf(scanner.Name) : Field.None;
                    if (!scanner.IsEmptyElement)
                    {
                        depth++;
                    }
                    else if (field == Field.Key)
                    {
                        key = string.Empty;
                    }

                    break;
                case XmlTokenKind.EndElement:
                    depth--;
                    if (depth == 1)
                    {
                        Finish(section, objects, prefixes, key, size, etag, modified, storageClass, prefix);
                        section = Section.None;
                    }

                    field = Field.None;
                    break;
                case XmlTokenKind.Text or XmlTokenKind.CData when depth == 2:
                    switch (section)
                    {
                        case Section.IsTruncated: truncated = Bool(scanner.Value); break;
                        case Section.NextContinuationToken: next += scanner.ValueAsString(); break;
                        case Section.EncodingType: urlEncoded = scanner.Value.Trim(" \t\r\n"u8).SequenceEqual("url"u8); break;
                    }

                    break;
                case XmlTokenKind.Text or XmlTokenKind.CData when depth == 3:
                    switch (field)
                    {
                        case Field.Key: key += scanner.ValueAsString(decodeKeys); break;
                        case Field.ETag: etag += scanner.ValueAsString(); break;
                        case Field.Prefix: prefix += scanner.ValueAsString(decodeKeys); break;
                        case Field.StorageClass: storageClass = Known(scanner.Value) ?? scanner.ValueAsString(); break;
                        case Field.Size: size = Number(scanner.Value); break;
                        case Field.LastModified: modified = Timestamp(scanner.Value); break;
                    }

                    break;
            }
        }

        if (depth > 0)
        {
            throw new InvalidDataException("The listing ended before its </ListBucketResult>.");
        }

        if (truncated && string.IsNullOrEmpty(next))
        {
            throw new InvalidDataException("The listing says it is truncated but gives no NextContinuationToken.");
        }

        return (new ListObjectsPage(objects, prefixes, truncated ? next : null), urlEncoded);
    }

    private static void Finish(
        Section section, List<S3ObjectInfo> objects, List<string> prefixes, string? key, long size, string? etag, DateTimeOffset modified, string? storageClass, string? prefix)
    {
        if (section == Section.Contents)
        {
            objects.Add(new S3ObjectInfo(key ?? string.Empty, size, etag, modified, storageClass));
        }
        else if (section == Section.CommonPrefixes && prefix is not null)
        {
            prefixes.Add(prefix);
        }
    }

    private static Section SectionOf(ReadOnlySpan<byte> name) => name switch
    {
        _ when name.SequenceEqual("Contents"u8) => Section.Contents,
        _ when name.SequenceEqual("CommonPrefixes"u8) => Section.CommonPrefixes,
        _ when name.SequenceEqual("IsTruncated"u8) => Section.IsTruncated,
        _ when name.SequenceEqual("NextContinuationToken"u8) => Section.NextContinuationToken,
        _ when name.SequenceEqual("EncodingType"u8) => Section.EncodingType,
        _ => Section.None,
    };

    private static Field FieldOf(ReadOnlySpan<byte> name) => name switch
    {
        _ when name.SequenceEqual("Key"u8) => Field.Key,
        _ when name.SequenceEqual("Size"u8) => Field.Size,
        _ when name.SequenceEqual("ETag"u8) => Field.ETag,
        _ when name.SequenceEqual("LastModified"u8) => Field.LastModified,
        _ when name.SequenceEqual("StorageClass"u8) => Field.StorageClass,
        _ when name.SequenceEqual("Prefix"u8) => Field.Prefix,
        _ => Field.None,
    };

    private static string? Known(ReadOnlySpan<byte> value)
    {
        foreach (var known in StorageClasses)
        {
            if (value.Length == known.Length && System.Text.Ascii.Equals(value, known))
            {
                return known;
            }
        }

        return null;
    }

    private static long Number(ReadOnlySpan<byte> value) =>
        Utf8Parser.TryParse(value.Trim(" \t\r\n"u8), out long number, out var consumed) && consumed == value.Trim(" \t\r\n"u8).Length && number >= 0
            ? number
            : throw new InvalidDataException("A listing entry has an invalid Size.");

    // "true" or "false": anything else is an error, so a listing never ends early on a value it misread as false.
    private static bool Bool(ReadOnlySpan<byte> value) => value.Trim(" \t\r\n"u8) switch
    {
        var v when v.SequenceEqual("true"u8) => true,
        var v when v.SequenceEqual("false"u8) => false,
        _ => throw new InvalidDataException("The listing's IsTruncated is neither true nor false."),
    };

    // The shape every S3 service sends, "2026-01-02T03:04:05.000Z", parsed without allocating; anything else the slow way.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DateTimeOffset Timestamp(ReadOnlySpan<byte> value)
    {
        value = value.Trim(" \t\r\n"u8);
        var milliseconds = 0;
        if (value.Length is 20 or 24 && value[4] == '-' && value[7] == '-' && value[10] == 'T' && value[13] == ':' && value[16] == ':'
            && value[^1] == 'Z' && (value.Length == 20 || (value[19] == '.' && TryDigits(value, 20, 3, out milliseconds)))
            && TryDigits(value, 0, 4, out var year) && TryDigits(value, 5, 2, out var month) && TryDigits(value, 8, 2, out var day)
            && TryDigits(value, 11, 2, out var hour) && TryDigits(value, 14, 2, out var minute) && TryDigits(value, 17, 2, out var second))
        {
            return new DateTimeOffset(year, month, day, hour, minute, second, milliseconds, TimeSpan.Zero);
        }

        return S3XmlText.ParseTimestamp(System.Text.Encoding.UTF8.GetString(value));
    }

    private static bool TryDigits(ReadOnlySpan<byte> value, int start, int count, out int number)
    {
        number = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = value[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            number = (number * 10) + digit;
        }

        return true;
    }
}
