using Microsoft.Extensions.Time.Testing;

namespace S3Client.Extensions.Tests.TestSupport;

/// <summary>Drives a <see cref="FakeTimeProvider"/> forward until an operation that waits on it completes.</summary>
public static class FakeClock
{
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Task<T> operation, TimeSpan step)
    {
        for (var i = 0; i < 100_000 && !operation.IsCompleted; i++)
        {
            await Task.Yield();
            time.Advance(step);
        }

        return await operation;
    }

    public static async Task RunAsync(FakeTimeProvider time, Task operation, TimeSpan step)
    {
        await RunAsync(time, operation.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), step);
    }
}
