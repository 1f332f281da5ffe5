using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests.Bulk;

public sealed class BulkUploadTests
{
    [Fact]
    public async Task Uploads_every_item_and_sums_them_up()
    {
        var store = await TestStore.CreateAsync();
        var progress = new List<BulkProgress>();
        var options = BulkTestData.NoWait();
        options.Progress = new SynchronousProgress<BulkProgress>(progress.Add);

        var summary = await store.Client.UploadManyAsync(TestStore.Bucket, BulkTestData.Texts(250), options);

        summary.Succeeded.Should().Be(250);
        summary.Failed.Should().Be(0);
        summary.IsSuccess.Should().BeTrue();
        summary.BytesTransferred.Should().Be(Enumerable.Range(0, 250).Sum(i => $"body {i}".Length));
        (await store.KeysAsync()).Should().HaveCount(250);
        (await store.ReadAsync("k00042")).Should().Be("body 42");
        progress[^1].Should().Be(new BulkProgress(250, 0, 250, summary.BytesTransferred));
    }

    [Fact]
    public async Task Streams_each_result_and_keeps_the_summary()
    {
        var store = await TestStore.CreateAsync();
        var operation = store.Client.UploadManyAsync(TestStore.Bucket, BulkTestData.Texts(40), BulkTestData.NoWait());
        var keys = new List<string>();

        await foreach (var result in operation)
        {
            result.Status.Should().Be(BulkItemStatus.Succeeded);
            keys.Add(result.Key);
        }

        keys.Should().HaveCount(40).And.OnlyHaveUniqueItems();
        operation.Summary!.Succeeded.Should().Be(40);
        await operation.Invoking(o => o.RunAsync()).Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public async Task Exactly_the_refused_keys_fail_with_their_exception_and_the_rest_are_stored()
    {
        var store = await TestStore.CreateAsync();
        var client = InterceptingClient.Create(store.Client, (method, args) =>
            method == "PutObjectAsync" && BulkTestData.KeyOf(args) is { } key && key.EndsWith('3') ? throw BulkTestData.Denied(key) : null);

        var summary = await client.UploadManyAsync(TestStore.Bucket, BulkTestData.Texts(100), BulkTestData.NoWait());

        summary.Failed.Should().Be(10);
        summary.Succeeded.Should().Be(90);
        summary.Failures.Select(f => f.Key).Should().BeEquivalentTo(Enumerable.Range(0, 100).Where(i => i % 10 == 3).Select(i => $"k{i:D5}"));
        summary.Failures.Should().AllSatisfy(f => f.Exception.Should().BeOfType<S3AccessDeniedException>());
        (await store.KeysAsync()).Should().HaveCount(90).And.NotContain(k => k.EndsWith('3'));
    }

    [Fact]
    public async Task Transient_failures_are_tried_again_and_refusals_are_not()
    {
        var store = await TestStore.CreateAsync();
        var attempts = new ConcurrentDictionary<string, int>();
        var client = InterceptingClient.Create(store.Client, (method, args) =>
        {
            if (method != "PutObjectAsync" || BulkTestData.KeyOf(args) is not { } key)
            {
                return null;
            }

            var attempt = attempts.AddOrUpdate(key, 1, (_, n) => n + 1);
            return key == "k00001" ? throw BulkTestData.Denied(key) : attempt < 3 ? throw BulkTestData.Unavailable() : null;
        });

        var summary = await client.UploadManyAsync(TestStore.Bucket, BulkTestData.Texts(5), BulkTestData.NoWait());

        summary.Succeeded.Should().Be(4);
        summary.Failures.Should().ContainSingle().Which.Key.Should().Be("k00001");
        attempts["k00001"].Should().Be(1);
        attempts["k00000"].Should().Be(3);
    }

    [Fact]
    public async Task A_failure_that_outlasts_the_attempts_is_reported_with_its_last_exception()
    {
        var store = await TestStore.CreateAsync();
        var calls = 0;
        var client = InterceptingClient.Create(store.Client, (method, _) =>
            method == "PutObjectAsync" && Interlocked.Increment(ref calls) > 0 ? throw BulkTestData.Unavailable() : null);
        var options = BulkTestData.NoWait();
        options.MaxItemAttempts = 4;

        var summary = await client.UploadManyAsync(TestStore.Bucket, BulkTestData.Texts(1), options);

        calls.Should().Be(4);
        summary.Failures.Should().ContainSingle().Which.Exception.Should().BeOfType<S3ServerException>();
    }

    [Fact]
    public async Task The_retry_waits_for_the_backoff_on_the_injected_clock()
    {
        var store = await TestStore.CreateAsync();
        var time = new FakeTimeProvider();
        var attempts = 0;
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var client = InterceptingClient.Create(store.Client, (method, _) =>
        {
            if (method != "PutObjectAsync" || Interlocked.Increment(ref attempts) > 1)
            {
                return null;
            }

            failed.SetResult();
            throw BulkTestData.Unavailable();
        });
        var options = new BulkOptions { RetryBaseDelay = TimeSpan.FromSeconds(10), TimeProvider = time };

        var run = client.UploadManyAsync(TestStore.Bucket, BulkTestData.Texts(1), options).RunAsync();
        await failed.Task;
        time.Advance(TimeSpan.FromSeconds(9));
        var before = Volatile.Read(ref attempts);
        while (!run.IsCompleted)
        {
            // The delay is 10 to 15 s of fake time; advance in steps until the retry has run.
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        before.Should().Be(1);
        (await run).Succeeded.Should().Be(1);
        attempts.Should().Be(2);
    }

    [Fact]
    public async Task Stops_starting_items_after_the_maximum_failures()
    {
        var store = await TestStore.CreateAsync();
        var started = 0;
        var client = InterceptingClient.Create(store.Client, (method, args) =>
            method == "PutObjectAsync" && Interlocked.Increment(ref started) > 0 && BulkTestData.KeyOf(args) == "k00010" ? throw BulkTestData.Denied("k00010") : null);
        var options = BulkTestData.NoWait(concurrency: 1);
        options.MaxFailures = 1;

        var summary = await client.UploadManyAsync(TestStore.Bucket, BulkTestData.Texts(100), options);

        summary.StoppedOnFailures.Should().BeTrue();
        summary.IsSuccess.Should().BeFalse();
        summary.Failed.Should().Be(1);
        summary.Succeeded.Should().Be(10);
        started.Should().Be(11);
    }

    [Fact]
    public async Task Keeps_the_first_failures_and_counts_them_all()
    {
        var store = await TestStore.CreateAsync();
        var client = InterceptingClient.Create(store.Client, (method, args) => method == "PutObjectAsync" ? throw BulkTestData.Denied(BulkTestData.KeyOf(args)!) : null);
        var options = BulkTestData.NoWait();
        options.MaxReportedFailures = 7;

        var summary = await client.UploadManyAsync(TestStore.Bucket, BulkTestData.Texts(50), options);

        summary.Failed.Should().Be(50);
        summary.Failures.Should().HaveCount(7);
    }

    [Fact]
    public async Task Never_overwrites_an_existing_object_and_stores_the_new_ones()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("k00001", "original");
        var options = BulkTestData.NoWait();
        options.Overwrite = S3OverwritePolicy.Never;

        var summary = await store.Client.UploadManyAsync(TestStore.Bucket, BulkTestData.Texts(3), options);

        summary.Succeeded.Should().Be(2);
        summary.Skipped.Should().Be(1);
        (await store.ReadAsync("k00001")).Should().Be("original");
        (await store.ReadAsync("k00002")).Should().Be("body 2");
    }

    [Fact]
    public async Task If_changed_skips_files_whose_content_is_stored_already()
    {
        var store = await TestStore.CreateAsync();
        var folder = Directory.CreateTempSubdirectory("bulk-files-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "same"), "same content");
            File.WriteAllText(Path.Combine(folder, "changed"), "new content!");
            await store.PutAsync("same", "same content");
            await store.PutAsync("changed", "old content!");
            var options = BulkTestData.NoWait();
            options.Overwrite = S3OverwritePolicy.IfChanged;
            var items = new[] { "same", "changed" }.Select(k => BulkUploadItem.FromFile(k, Path.Combine(folder, k))).ToAsyncEnumerable();

            var summary = await store.Client.UploadManyAsync(TestStore.Bucket, items, options);

            summary.Skipped.Should().Be(1);
            summary.Succeeded.Should().Be(1);
            (await store.ReadAsync("changed")).Should().Be("new content!");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Bad_arguments_fail_before_anything_is_read()
    {
        var store = await TestStore.CreateAsync();
        var read = false;
        var items = Enumerable.Range(0, 1).Select(_ =>
        {
            read = true;
            return BulkTestData.Text("k", "v");
        }).ToAsyncEnumerable();

        store.Client.Invoking(c => c.UploadManyAsync("Bad_Bucket", items)).Should().Throw<ArgumentException>();
        store.Client.Invoking(c => c.UploadManyAsync(TestStore.Bucket, items, new BulkOptions { MaxConcurrency = 0 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("options.MaxConcurrency");
        read.Should().BeFalse();
    }
}
