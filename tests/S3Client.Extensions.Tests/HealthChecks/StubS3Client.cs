using System.Reflection;

namespace S3Client.Extensions.Tests.HealthChecks;

/// <summary>An <see cref="IS3Client"/> whose BucketExistsAsync runs a function; any other call fails the test.</summary>
public class StubS3Client : DispatchProxy
{
    private Func<string, CancellationToken, Task<bool>> _bucketExists = (_, _) => throw new InvalidOperationException("Not configured.");

    public static IS3Client Create(Func<string, CancellationToken, Task<bool>> bucketExists)
    {
        var client = DispatchProxy.Create<IS3Client, StubS3Client>();
        ((StubS3Client)(object)client)._bucketExists = bucketExists;
        return client;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name == nameof(IS3Client.BucketExistsAsync)
        ? _bucketExists((string)args![0]!, (CancellationToken)args[1]!)
        : throw new InvalidOperationException($"The health check should call only BucketExistsAsync, not {targetMethod?.Name}.");
}
