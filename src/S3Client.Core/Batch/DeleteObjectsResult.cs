namespace S3Client;

/// <summary>The outcome of a batch delete: what was deleted and what failed, per key. Never null collections.</summary>
public sealed class DeleteObjectsResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="deleted">The deleted objects (empty in quiet mode).</param>
    /// <param name="errors">The objects that could not be deleted.</param>
    public DeleteObjectsResult(IReadOnlyList<S3DeletedObject> deleted, IReadOnlyList<S3DeleteError> errors)
    {
        ArgumentNullException.ThrowIfNull(deleted);
        ArgumentNullException.ThrowIfNull(errors);
        Deleted = deleted;
        Errors = errors;
    }

    /// <summary>The deleted objects (empty in quiet mode).</summary>
    public IReadOnlyList<S3DeletedObject> Deleted { get; }

    /// <summary>The objects that could not be deleted, with the reason. A missing key is not an error in S3.</summary>
    public IReadOnlyList<S3DeleteError> Errors { get; }

    /// <summary>Whether every key was deleted.</summary>
    public bool IsSuccess => Errors.Count == 0;
}
