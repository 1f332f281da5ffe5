using System.Collections;

namespace S3Client.Pipeline.Internal;

/// <summary>
/// The log scope of one operation: <c>Operation</c>, <c>Bucket</c> and <c>Key</c> as structured fields, with absent
/// ones left out rather than logged empty; its text is <c>S3 GetObject demo/key</c>.
/// </summary>
internal sealed class S3LogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly S3RequestContext _context;
    private readonly int _count;

    public S3LogScope(S3RequestContext context)
    {
        _context = context;
        _count = context.BucketName is null ? 1 : context.ObjectKey is null ? 2 : 3;
    }

    public int Count => _count;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("Operation", _context.Operation),
        1 when _count > 1 => new("Bucket", _context.BucketName),
        2 when _count > 2 => new("Key", _context.DiagnosticKey),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>The target of an operation for a log message: <c> for bucket 'b', key 'k'</c>, or less, or nothing.</summary>
    public static string Target(S3RequestContext? context) => context switch
    {
        { BucketName: null } or null => string.Empty,
        { DiagnosticKey: null } => $" for bucket '{context.BucketName}'",
        _ => $" for bucket '{context.BucketName}', key '{context.DiagnosticKey}'",
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => _context.ToString();
}
