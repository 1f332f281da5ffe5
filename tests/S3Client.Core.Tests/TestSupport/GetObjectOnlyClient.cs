using System.Reflection;

namespace S3Client.Core.Tests.TestSupport;

/// <summary>
/// An <see cref="IS3Client"/> whose GetObjectAsync answers come straight from a function, with none of the checks the
/// real client makes: for testing what the transfer manager itself checks, whatever client stands behind it.
/// </summary>
public class GetObjectOnlyClient : DispatchProxy
{
    private Func<GetObjectOptions, GetObjectResult> _get = null!;

    public static IS3Client Create(Func<GetObjectOptions, GetObjectResult> get)
    {
        var client = DispatchProxy.Create<IS3Client, GetObjectOnlyClient>();
        ((GetObjectOnlyClient)(object)client)._get = get;
        return client;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name == nameof(IS3Client.GetObjectAsync)
        ? Task.FromResult(_get((GetObjectOptions)args![2]!))
        : throw new NotSupportedException(targetMethod?.Name);
}
