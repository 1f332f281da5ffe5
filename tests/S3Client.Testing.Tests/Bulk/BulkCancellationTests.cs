using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests.Bulk;

public sealed class BulkCancellationTests
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public async Task Cancelling_starts_no_new_item_stops_those_in_flight_and_still_returns_the_summary()
    {
        var store = await TestStore.CreateAsync();
        using var cancel = new CancellationTokenSource();
        var started = 0;
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var client = InterceptingClient.Create(store.Client, (method, args) =>
        {
            if (method != "PutObjectAsync")
            {
                return null;
            }

            // The first 20 items complete; then 4 hang until cancelled.
            var n = Interlocked.Increment(ref started);
            if (n <= 20)
            {
                return null;
            }

            if (n == 24)
            {
                allStarted.SetResult();
            }

            return Task.Delay(Timeout.Infinite, (CancellationToken)args[^1]!);
        });

        var run = client.UploadManyAsync(TestStore.Bucket, BulkTestData.Texts(1000), BulkTestData.NoWait(concurrency: 4), cancel.Token).RunAsync();
        await allStarted.Task;
        await cancel.CancelAsync();
        var summary = await run;

        summary.WasCancelled.Should().BeTrue();
        summary.Succeeded.Should().Be(20);
        summary.Cancelled.Should().Be(4);
        summary.Failed.Should().Be(0);
        started.Should().Be(24);
        (await store.KeysAsync()).Should().HaveCount(20);
    }

    [Fact]
    public async Task Cancelling_aborts_the_multipart_uploads_in_flight()
    {
        var store = await TestStore.CreateAsync();
        using var cancel = new CancellationTokenSource();
        var parts = 0;
        var inParts = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var client = InterceptingClient.Create(store.Client, (method, args) =>
        {
            if (method != "UploadPartAsync")
            {
                return null;
            }

            if (Interlocked.Increment(ref parts) == 2)
            {
                inParts.SetResult();
            }

            return Task.Delay(Timeout.Infinite, (CancellationToken)args[^1]!);
        });
        var transfer = new TransferOptions { MultipartThreshold = 5 * MiB, PartSize = 5 * MiB, MaxConcurrency = 1 };
        var options = new BulkOptions { MaxConcurrency = 2, Transfer = transfer };
        var items = Enumerable.Range(0, 10)
            .Select(i => BulkUploadItem.FromStream($"big{i}", _ => ValueTask.FromResult<Stream>(new MemoryStream(new byte[6 * MiB])), 6 * MiB))
            .ToAsyncEnumerable();

        var run = client.UploadManyAsync(TestStore.Bucket, items, options, cancel.Token).RunAsync();
        await inParts.Task;
        await cancel.CancelAsync();
        var summary = await run;

        summary.Cancelled.Should().Be(2);
        summary.Succeeded.Should().Be(0);
        (await store.Client.ListMultipartUploadsAsync(TestStore.Bucket).ToListAsync()).Should().BeEmpty();
        (await store.KeysAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_cancellation_while_a_multipart_upload_is_being_created_leaves_no_upload_behind()
    {
        var store = await TestStore.CreateAsync();
        using var cancel = new CancellationTokenSource();
        var client = InterceptingClient.Create(store.Client, (method, args) =>
        {
            if (method != "CreateMultipartUploadAsync")
            {
                return null;
            }

            cancel.Cancel();
            if (((CancellationToken)args[^1]!).IsCancellationRequested)
            {
                // Sent with the caller's token: the service creates the upload, but the cancelled request never sees its id.
                store.Client.CreateMultipartUploadAsync((string)args[0]!, (string)args[1]!).GetAwaiter().GetResult();
                throw new OperationCanceledException(cancel.Token);
            }

            return null;
        });

        var summary = await client.UploadManyAsync(TestStore.Bucket, new[] { LargeItem("big") }.ToAsyncEnumerable(), LargeItems(), cancel.Token);

        summary.Cancelled.Should().Be(1);
        (await store.Client.ListMultipartUploadsAsync(TestStore.Bucket).ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_cancellation_while_the_parts_are_assembled_completes_the_object_and_reports_it_stored()
    {
        var store = await TestStore.CreateAsync();
        using var cancel = new CancellationTokenSource();
        var client = InterceptingClient.Create(store.Client, (method, args) =>
        {
            if (method != "CompleteMultipartUploadAsync")
            {
                return null;
            }

            cancel.Cancel();
            if (((CancellationToken)args[^1]!).CanBeCanceled)
            {
                // The service assembles the object, but the cancelled request never sees the answer.
                store.Client.CompleteMultipartUploadAsync((string)args[0]!, (string)args[1]!, (string)args[2]!, (IEnumerable<S3CompletedPart>)args[3]!).GetAwaiter().GetResult();
                throw new OperationCanceledException(cancel.Token);
            }

            return null;
        });

        var summary = await client.UploadManyAsync(TestStore.Bucket, new[] { LargeItem("big") }.ToAsyncEnumerable(), LargeItems(), cancel.Token);

        summary.Succeeded.Should().Be(1, "the object is stored, so it is reported stored");
        (await store.KeysAsync()).Should().Equal("big");
    }

    private static BulkOptions LargeItems() =>
        new() { Transfer = new TransferOptions { MultipartThreshold = 5 * MiB, PartSize = 5 * MiB } };

    private static BulkUploadItem LargeItem(string key) =>
        BulkUploadItem.FromStream(key, _ => ValueTask.FromResult<Stream>(new MemoryStream(new byte[6 * MiB])), 6 * MiB);

    [Fact]
    public async Task Leaving_the_result_loop_early_stops_the_operation()
    {
        var store = await TestStore.CreateAsync();
        var operation = store.Client.UploadManyAsync(TestStore.Bucket, BulkTestData.Texts(10_000), BulkTestData.NoWait(concurrency: 2));
        var seen = 0;

        await foreach (var result in operation)
        {
            if (++seen == 5)
            {
                break;
            }
        }

        operation.Summary.Should().Match<BulkSummary>(s => s.WasCancelled, "breaking out of the enumeration cancels the rest");
        (await store.KeysAsync()).Count.Should().BeLessThan(10_000);
    }

    [Fact]
    public async Task Items_wait_for_room_in_the_bytes_in_flight_budget()
    {
        var store = await TestStore.CreateAsync();
        var budget = new S3TransferBudget(3 * 1000);
        long highest = 0;
        var client = InterceptingClient.Create(store.Client, (method, _) =>
        {
            if (method == "PutObjectAsync")
            {
                InterlockedMax(ref highest, budget.BytesInFlight);
            }

            return method == "PutObjectAsync" ? YieldAsync() : null;
        });
        var options = new BulkOptions { MaxConcurrency = 16, Budget = budget };
        var items = Enumerable.Range(0, 200).Select(i => BulkUploadItem.FromStream($"k{i}", _ => ValueTask.FromResult<Stream>(new MemoryStream(new byte[1000])), 1000)).ToAsyncEnumerable();

        var summary = await client.UploadManyAsync(TestStore.Bucket, items, options);

        summary.Succeeded.Should().Be(200);
        highest.Should().BeInRange(1000, 3000);
        budget.BytesInFlight.Should().Be(0);
    }

    private static async Task YieldAsync() => await Task.Yield();

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) != current)
        {
            current = Volatile.Read(ref target);
        }
    }
}
