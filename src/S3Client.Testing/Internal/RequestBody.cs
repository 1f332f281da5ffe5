namespace S3Client.Testing.Internal;

/// <summary>Reads an upload body with the real client's rules: a seekable stream from its position, a non-seekable one for exactly its given length.</summary>
internal static class RequestBody
{
    /// <summary>The number of bytes to read; fails like the real client before anything is read.</summary>
    public static long Measure(Stream content, long? contentLength)
    {
        if (content.CanSeek)
        {
            var remaining = content.Length - content.Position;
            if (contentLength > remaining)
            {
                throw new ArgumentException(
                    $"PutObjectOptions.ContentLength ({contentLength}) is larger than the {remaining} bytes left in the stream.", nameof(contentLength));
            }

            return contentLength ?? remaining;
        }

        return contentLength ?? throw new ArgumentException(
            "The stream cannot seek, so its length is unknown: set ContentLength in the options, or use UploadAsync, which uploads streams of unknown length in parts.",
            nameof(content));
    }

    /// <summary>Reads exactly <paramref name="length"/> bytes; a stream that ends early stores nothing.</summary>
    public static async Task<byte[]> ReadAsync(Stream content, long length, CancellationToken cancellationToken)
    {
        if (length > Array.MaxLength)
        {
            throw new NotSupportedException($"The in-memory S3 client holds objects of at most {Array.MaxLength} bytes; this one has {length}.");
        }

        var bytes = new byte[length];
        var read = await content.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return read == bytes.Length
            ? bytes
            : throw new IOException($"The content stream ended after {read} of its {length} bytes; the request was not completed, so no short object was stored.");
    }
}
