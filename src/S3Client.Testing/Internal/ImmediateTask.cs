namespace S3Client.Testing.Internal;

/// <summary>
/// Runs a synchronous store operation and returns its outcome as a completed task, so that, as with the real client's
/// async methods, argument errors and S3 errors surface when the task is awaited, and a cancelled token cancels it.
/// </summary>
internal static class ImmediateTask
{
    public static Task<T> Run<T>(Func<T> operation, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(operation());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }
}
