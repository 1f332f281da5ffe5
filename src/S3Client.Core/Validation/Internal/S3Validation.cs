using System.Text;

namespace S3Client.Validation.Internal;

/// <summary>Checks arguments against S3's rules before any request is built, with messages that name the rule.</summary>
internal static class S3Validation
{
    public const int MaxKeyBytes = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Bucket naming rules of S3: 3-63 characters of a-z, 0-9, '.', '-', starting and ending with a letter or digit.</summary>
    public static void BucketName(string bucket, string paramName = "bucket")
    {
        ArgumentNullException.ThrowIfNull(bucket, paramName);
        if (bucket.Length is < 3 or > 63)
        {
            throw new ArgumentException($"Bucket name '{bucket}' is {bucket.Length} characters long; S3 bucket names have 3 to 63.", paramName);
        }

        foreach (var c in bucket)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-'))
            {
                throw new ArgumentException(
                    $"Bucket name '{bucket}' contains '{c}'; S3 bucket names use only lower-case letters, digits, '.' and '-'.", paramName);
            }
        }

        if (!char.IsAsciiLetterOrDigit(bucket[0]) || !char.IsAsciiLetterOrDigit(bucket[^1]))
        {
            throw new ArgumentException($"Bucket name '{bucket}' must start and end with a letter or digit.", paramName);
        }

        if (bucket.Contains("..", StringComparison.Ordinal) || bucket.Contains(".-", StringComparison.Ordinal) || bucket.Contains("-.", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Bucket name '{bucket}' has an empty or dashed label ('..', '.-' or '-.').", paramName);
        }

        if (System.Net.IPAddress.TryParse(bucket, out _) && bucket.Count(c => c == '.') == 3)
        {
            throw new ArgumentException($"Bucket name '{bucket}' looks like an IP address, which S3 does not allow.", paramName);
        }
    }

    /// <summary>Object keys: not empty, at most 1024 bytes of UTF-8, no lone surrogates.</summary>
    public static void ObjectKey(string key, string paramName = "key")
    {
        ArgumentNullException.ThrowIfNull(key, paramName);
        if (key.Length == 0)
        {
            throw new ArgumentException("The object key is empty; S3 keys have 1 to 1024 bytes of UTF-8.", paramName);
        }

        int bytes;
        try
        {
            bytes = StrictUtf8.GetByteCount(key);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException("The object key contains an unpaired surrogate and cannot be encoded as UTF-8.", paramName, e);
        }

        if (bytes > MaxKeyBytes)
        {
            throw new ArgumentException($"The object key is {bytes} bytes of UTF-8; S3 keys have at most {MaxKeyBytes}.", paramName);
        }
    }

    /// <summary>Header values: printable ASCII and tabs only, so no CR/LF can split a header.</summary>
    public static void HeaderValue(string? value, string headerName, string paramName)
    {
        if (value is null)
        {
            return;
        }

        foreach (var c in value)
        {
            if (c is '\r' or '\n')
            {
                throw new ArgumentException($"The value for '{headerName}' contains a CR or LF character, which is not allowed in an HTTP header.", paramName);
            }

            if ((c < 0x20 && c != '\t') || c >= 0x7F)
            {
                throw new ArgumentException(
                    $"The value for '{headerName}' contains the character U+{(int)c:X4}; header values must be printable ASCII (encode other text, for example with Uri.EscapeDataString).",
                    paramName);
            }
        }
    }

    /// <summary>User metadata names: HTTP token characters, so <c>x-amz-meta-{name}</c> is a valid header name.</summary>
    public static void MetadataName(string name, string paramName)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("A metadata name is empty.", paramName);
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal)))
            {
                throw new ArgumentException($"The metadata name '{name}' contains '{c}'; names must be HTTP token characters (letters, digits, '-', '_', ...).", paramName);
            }
        }
    }

    /// <summary>S3 tag limits: at most 10 tags, keys 1 to 128 characters, values up to 256.</summary>
    public static void Tags(IDictionary<string, string> tags, string paramName = "Tags")
    {
        if (tags.Count > 10)
        {
            throw new ArgumentException($"An object has at most 10 tags; {tags.Count} were given.", paramName);
        }

        foreach (var (key, value) in tags)
        {
            if (string.IsNullOrEmpty(key) || key.Length > 128)
            {
                throw new ArgumentException($"Tag key '{key}' must have 1 to 128 characters.", paramName);
            }

            if (value is null || value.Length > 256)
            {
                throw new ArgumentException($"The value of tag '{key}' must have 0 to 256 characters.", paramName);
            }
        }
    }

    /// <summary>Part numbers of a multipart upload: 1 to 10,000.</summary>
    public static void PartNumber(int partNumber, string paramName = "partNumber")
    {
        if (partNumber is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(paramName, partNumber, "Part numbers run from 1 to 10,000.");
        }
    }

    /// <summary>Upload ids: present and without characters that could split a request.</summary>
    public static void UploadId(string uploadId, string paramName = "uploadId")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uploadId, paramName);
        HeaderValue(uploadId, "uploadId", paramName);
    }
}
