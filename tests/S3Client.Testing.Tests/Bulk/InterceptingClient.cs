using System.Reflection;
using System.Runtime.ExceptionServices;

namespace S3Client.Testing.Tests.Bulk;

/// <summary>
/// An <see cref="IS3Client"/> over an <see cref="InMemoryS3Client"/> that lets a test fail or hold calls: the hook
/// sees each call's method name and arguments and may throw or return a task to wait for first. Uploads and downloads
/// run through a transfer manager over this client, so their single requests and parts pass the hook too.
/// </summary>
public class InterceptingClient : DispatchProxy
{
    private IS3Client _inner = null!;
    private S3TransferManager _transfers = null!;
    private Func<string, object?[], Task?> _hook = null!;

    public static IS3Client Create(IS3Client inner, Func<string, object?[], Task?> hook, TransferOptions? transferDefaults = null)
    {
        var proxy = Create<IS3Client, InterceptingClient>();
        var self = (InterceptingClient)(object)proxy;
        self._inner = inner;
        self._hook = hook;
        self._transfers = new S3TransferManager(proxy, transferDefaults);
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var method = targetMethod!;
        args ??= [];
        object? target = method.Name is "UploadAsync" or "UploadFileAsync" or "DownloadAsync" or "DownloadFileAsync" ? _transfers : _inner;
        var call = () => Call(target, method, args);
        var wait = _hook(method.Name, args);
        if (wait is null)
        {
            return call();
        }

        if (method.ReturnType == typeof(Task))
        {
            return AfterAsync(wait, call);
        }

        var result = method.ReturnType.GetGenericArguments()[0];
        return typeof(InterceptingClient).GetMethod(nameof(AfterAsyncOf), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(result).Invoke(null, [wait, call]);
    }

    private static object? Call(object target, MethodInfo method, object?[] args)
    {
        try
        {
            var actual = target is S3TransferManager ? typeof(S3TransferManager).GetMethod(method.Name, method.GetParameters().Select(p => p.ParameterType).ToArray())! : method;
            return actual.Invoke(target, args);
        }
        catch (TargetInvocationException e)
        {
            ExceptionDispatchInfo.Throw(e.InnerException!);
            throw;
        }
    }

    private static async Task AfterAsync(Task wait, Func<object?> call)
    {
        await wait;
        await (Task)call()!;
    }

    private static async Task<T> AfterAsyncOf<T>(Task wait, Func<object?> call)
    {
        await wait;
        return await (Task<T>)call()!;
    }
}
