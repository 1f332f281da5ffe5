namespace S3Client.Pipeline.Internal;

/// <summary>What an operation needs of a successful answer's body; the attempt reads it accordingly.</summary>
internal enum S3AnswerMode
{
    /// <summary>Nothing (PUT, DELETE, HEAD): the body is not read, whatever a server sends.</summary>
    None,

    /// <summary>A small XML result, read whole inside the attempt, under the idle timeout and a size cap.</summary>
    Buffer,

    /// <summary>
    /// Like <see cref="Buffer"/>, for calls that can fail after a 200 (CopyObject, UploadPartCopy,
    /// CompleteMultipartUpload): the body may be an <c>&lt;Error&gt;</c> after keep-alive whitespace.
    /// </summary>
    BufferMayHideError,

    /// <summary>A body the caller reads (GET, listings): handed over as a guarded stream, read as it arrives.</summary>
    Stream,
}
