using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace S3Client.Xml.Internal;

/// <summary>
/// A forward-only scanner over the UTF-8 bytes of a small, trusted-shape XML document (S3 response bodies): start and
/// end tags (local names; prefixes and attributes ignored), text and CDATA. Declarations, processing instructions
/// and comments are skipped; a document type declaration is refused, so no entity can be defined or expanded. Built for
/// the 1000-key listing page, where a general XML reader costs most of the time.
/// </summary>
internal ref struct Utf8XmlScanner
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _xml;
    private int _position;

    public Utf8XmlScanner(ReadOnlySpan<byte> xml)
    {
        // A UTF-8 byte order mark may lead the document.
        _xml = xml.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? xml[3..] : xml;
        _position = 0;
    }

    public XmlTokenKind Kind { get; private set; }

    /// <summary>The local name of the current start or end tag.</summary>
    public ReadOnlySpan<byte> Name { get; private set; }

    /// <summary>The raw bytes of the current text (entities not yet decoded) or CDATA section.</summary>
    public ReadOnlySpan<byte> Value { get; private set; }

    /// <summary>Whether the current start tag closes itself (<c>&lt;a/&gt;</c>).</summary>
    public bool IsEmptyElement { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read()
    {
        while (_position < _xml.Length)
        {
            var rest = _xml[_position..];
            if (rest[0] != (byte)'<')
            {
                var end = rest.IndexOf((byte)'<');
                var text = end < 0 ? rest : rest[..end];
                _position += text.Length;
                if (IsWhitespace(text))
                {
                    continue;
                }

                return Token(XmlTokenKind.Text, text);
            }

            if (rest.StartsWith("<?"u8))
            {
                _position += Find(rest, "?>"u8) + 2;
            }
            else if (rest.StartsWith("<!--"u8))
            {
                _position += Find(rest, "-->"u8) + 3;
            }
            else if (rest.StartsWith("<![CDATA["u8))
            {
                var end = Find(rest, "]]>"u8);
                _position += end + 3;
                Kind = XmlTokenKind.CData;
                Value = rest[9..end];
                return true;
            }
            else if (rest.StartsWith("<!"u8))
            {
                throw new InvalidDataException("The S3 response contains a document type declaration, which is refused.");
            }
            else
            {
                var end = rest.IndexOf((byte)'>');
                if (end < 0)
                {
                    throw Malformed();
                }

                var tag = rest[1..end];
                _position += end + 1;
                var closing = !tag.IsEmpty && tag[0] == (byte)'/';
                var selfClosing = !closing && !tag.IsEmpty && tag[^1] == (byte)'/';
                tag = closing ? tag[1..] : selfClosing ? tag[..^1] : tag;
                var nameEnd = tag.IndexOfAny(" \t\r\n"u8);
                var qualified = nameEnd < 0 ? tag : tag[..nameEnd];
                var colon = qualified.IndexOf((byte)':');
                Name = colon < 0 ? qualified : qualified[(colon + 1)..];
                IsEmptyElement = selfClosing;
                Kind = closing ? XmlTokenKind.EndElement : XmlTokenKind.StartElement;
                if (Name.IsEmpty)
                {
                    throw Malformed();
                }

                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Decodes text (<see cref="XmlTokenKind.Text"/>: entities resolved) or CDATA to a string; with
    /// <paramref name="urlDecode"/> also the <c>encoding-type=url</c> escapes (<c>%XX</c>, <c>+</c> for space).
    /// </summary>
    public readonly string ValueAsString(bool urlDecode = false) => Decode(Value, Kind == XmlTokenKind.CData, urlDecode);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Decode(ReadOnlySpan<byte> raw, bool cdata, bool urlDecode = false)
    {
        var entities = !cdata && raw.IndexOf((byte)'&') >= 0;
        if (!entities && (!urlDecode || raw.IndexOfAny((byte)'%', (byte)'+') < 0))
        {
            return Utf8(raw);
        }

        byte[]? rented = null;
        var bytes = raw.Length <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        try
        {
            var count = entities ? ResolveEntities(raw, bytes) : Copy(raw, bytes);
            if (urlDecode)
            {
                count = UrlDecodeInPlace(bytes[..count]);
            }

            return Utf8(bytes[..count]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// UTF-8 bytes as text; invalid UTF-8 (raw, or <c>%FF%FE</c> after URL decoding) is an error: replacing it with
    /// U+FFFD would turn a key into another key.
    /// </summary>
    public static string Utf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException("The S3 response holds text (a key, prefix or marker) that is not valid UTF-8.", e);
        }
    }

    private static int Copy(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        raw.CopyTo(destination);
        return raw.Length;
    }

    private static int UrlDecodeInPlace(Span<byte> bytes)
    {
        var write = 0;
        for (var read = 0; read < bytes.Length; read++)
        {
            var b = bytes[read];
            if (b == (byte)'+')
            {
                b = (byte)' ';
            }
            else if (b == (byte)'%' && read + 2 < bytes.Length && HexValue(bytes[read + 1]) is >= 0 and var high && HexValue(bytes[read + 2]) is >= 0 and var low)
            {
                b = (byte)((high << 4) | low);
                read += 2;
            }

            bytes[write++] = b;
        }

        return write;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private static int ResolveEntities(ReadOnlySpan<byte> raw, Span<byte> bytes)
    {
        var count = 0;
        while (!raw.IsEmpty)
        {
            var amp = raw.IndexOf((byte)'&');
            if (amp < 0)
            {
                raw.CopyTo(bytes[count..]);
                return count + raw.Length;
            }

            raw[..amp].CopyTo(bytes[count..]);
            count += amp;
            var semicolon = raw[amp..].IndexOf((byte)';');
            if (semicolon < 0)
            {
                throw Malformed();
            }

            count += Entity(raw.Slice(amp + 1, semicolon - 1), bytes[count..]);
            raw = raw[(amp + semicolon + 1)..];
        }

        return count;
    }

    private static int Entity(ReadOnlySpan<byte> name, Span<byte> destination)
    {
        switch (name)
        {
            case [(byte)'l', (byte)'t']: destination[0] = (byte)'<'; return 1;
            case [(byte)'g', (byte)'t']: destination[0] = (byte)'>'; return 1;
            case [(byte)'a', (byte)'m', (byte)'p']: destination[0] = (byte)'&'; return 1;
            case [(byte)'q', (byte)'u', (byte)'o', (byte)'t']: destination[0] = (byte)'"'; return 1;
            case [(byte)'a', (byte)'p', (byte)'o', (byte)'s']: destination[0] = (byte)'\''; return 1;
        }

        if (name.Length < 2 || name[0] != (byte)'#')
        {
            throw new InvalidDataException("The S3 response uses an undefined XML entity.");
        }

        var hex = name[1] is (byte)'x' or (byte)'X';
        var digits = name[(hex ? 2 : 1)..];
        var codePoint = 0;
        foreach (var b in digits)
        {
            var digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' when hex => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' when hex => b - 'A' + 10,
                _ => throw Malformed(),
            };
            codePoint = checked((codePoint * (hex ? 16 : 10)) + digit);
        }

        if (!Rune.TryCreate(codePoint, out var rune))
        {
            throw Malformed();
        }

        return rune.EncodeToUtf8(destination);
    }

    private static int Find(ReadOnlySpan<byte> rest, ReadOnlySpan<byte> terminator)
    {
        var end = rest.IndexOf(terminator);
        return end >= 0 ? end : throw Malformed();
    }

    private static bool IsWhitespace(ReadOnlySpan<byte> text) => text.IndexOfAnyExcept(" \t\r\n"u8) < 0;

    private static InvalidDataException Malformed() => new("The S3 response is not well-formed XML.");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Token(XmlTokenKind kind, ReadOnlySpan<byte> value)
    {
        Kind = kind;
        Value = value;
        return true;
    }
}
