using System.Text;
using S3Client.Signing.Internal;

namespace S3Client.Validation.Internal;

/// <summary>Checks arguments against S3's rules before any request is built, with messages that name the rule.</summary>
internal static class S3Validation
{
    public const int MaxKeyBytes = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly HashSet<string> PresignableMethods = new(StringComparer.Ordinal) { "GET", "PUT", "HEAD", "DELETE" };

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

    /// <summary>A body to send: present and readable.</summary>
    public static void ReadableContent(Stream content, string paramName = "content")
    {
        ArgumentNullException.ThrowIfNull(content, paramName);
        if (!content.CanRead)
        {
            throw new ArgumentException("The content stream cannot be read.", paramName);
        }
    }

    /// <summary>A declared body length (<c>{optionsType}.ContentLength</c>): absent or not negative.</summary>
    public static void ContentLength(long? contentLength, string optionsType, string paramName = "options")
    {
        if (contentLength is < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, contentLength, $"{optionsType}.ContentLength cannot be negative.");
        }
    }

    /// <summary>The arguments of PutObject, checked the same way by the client and the in-memory fake.</summary>
    public static void PutObject(string bucket, string key, Stream content, PutObjectOptions? options)
    {
        BucketName(bucket);
        ObjectKey(key);
        ReadableContent(content);
        ContentLength(options?.ContentLength, nameof(PutObjectOptions));
    }

    /// <summary>The arguments of UploadPart, checked the same way by the client and the in-memory fake.</summary>
    public static void UploadPart(string bucket, string key, string uploadId, int partNumber, Stream content, UploadPartOptions? options)
    {
        BucketName(bucket);
        ObjectKey(key);
        UploadId(uploadId);
        PartNumber(partNumber);
        ArgumentNullException.ThrowIfNull(content);
        ContentLength(options?.ContentLength, nameof(UploadPartOptions));
    }

    /// <summary>The names of UploadPartCopy, checked the same way by the client and the in-memory fake.</summary>
    public static void UploadPartCopy(string bucket, string key, string uploadId, int partNumber, string sourceBucket, string sourceKey)
    {
        BucketName(bucket);
        ObjectKey(key);
        UploadId(uploadId);
        PartNumber(partNumber);
        BucketName(sourceBucket, nameof(sourceBucket));
        ObjectKey(sourceKey, nameof(sourceKey));
    }

    /// <summary>
    /// A byte range made by one of <see cref="S3ByteRange"/>'s factories: <c>default(S3ByteRange)</c> has neither end
    /// and would be sent as <c>bytes=-</c>, which services read differently.
    /// </summary>
    public static void ByteRange(S3ByteRange? range, string paramName = "options")
    {
        if (range is { First: null, Last: null })
        {
            throw new ArgumentException(
                "The Range is default(S3ByteRange), which has no bytes: use S3ByteRange.Between, StartingAt or LastBytes, or leave Range null for the whole object.",
                paramName);
        }
    }

    /// <summary>ListObjectsV2 options: a page size from 1 to 1000 when set.</summary>
    public static void ListOptions(ListObjectsOptions? options, string paramName = "options")
    {
        if (options?.PageSize is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(paramName, options.PageSize, "ListObjectsOptions.PageSize must be from 1 to 1000.");
        }
    }

    /// <summary>The parts that complete a multipart upload: at least one, valid numbers, none twice; returned in part order.</summary>
    public static List<S3CompletedPart> CompletedParts(IEnumerable<S3CompletedPart> parts, string paramName = "parts")
    {
        ArgumentNullException.ThrowIfNull(parts, paramName);
        var ordered = parts.OrderBy(p => p.PartNumber).ToList();
        if (ordered.Count == 0)
        {
            throw new ArgumentException("A multipart upload needs at least one part.", paramName);
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            PartNumber(ordered[i].PartNumber, paramName);
            if (i > 0 && ordered[i].PartNumber == ordered[i - 1].PartNumber)
            {
                throw new ArgumentException($"Part {ordered[i].PartNumber} is listed twice.", paramName);
            }
        }

        return ordered;
    }

    /// <summary>A presigned URL's method (GET, PUT, HEAD or DELETE) and lifetime (whole seconds, 1 second to 7 days).</summary>
    public static void Presign(HttpMethod method, TimeSpan expiresIn)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (!PresignableMethods.Contains(method.Method))
        {
            throw new ArgumentException($"Presigned URLs are made for GET, PUT, HEAD and DELETE, not {method.Method}.", nameof(method));
        }

        if (expiresIn < TimeSpan.FromSeconds(1) || expiresIn > TimeSpan.FromSeconds(SigV4Signer.MaxPresignExpirySeconds) || expiresIn.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresIn), expiresIn, "A presigned URL expires after a whole number of seconds from 1 second to 7 days.");
        }
    }
}
