using System.Diagnostics;
using System.Globalization;
using Amazon.S3.Model;
using S3Client.Benchmarks.Infrastructure;

namespace S3Client.Benchmarks.Cold;

/// <summary>
/// The work of one fresh process (<c>--cold-child SCENARIO CLIENT</c>): builds the client, then runs the scenario's
/// operation back to back for <see cref="Window"/>, and prints when the first operation completed and how many
/// completed in the first second and in the whole window. Nothing was jitted before: this is the program a service
/// restart, a CLI or a short job runs.
/// </summary>
public static class ColdStartChild
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(string scenario, string client)
    {
        var endpoint = BenchmarkEndpoint.Get();
        var clock = Stopwatch.StartNew();
        var (operation, dispose) = Create(scenario, client, endpoint);
        try
        {
            long firstMs = -1, inFirstSecond = 0, total = 0;
            while (clock.Elapsed < Window)
            {
                await operation();
                total++;
                if (firstMs < 0)
                {
                    firstMs = clock.ElapsedMilliseconds;
                }

                if (clock.Elapsed < TimeSpan.FromSeconds(1))
                {
                    inFirstSecond = total;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"COLD {firstMs} {inFirstSecond} {total}"));
            return 0;
        }
        finally
        {
            dispose();
        }
    }

    private static (Func<Task> Operation, Action Dispose) Create(string scenario, string client, Uri endpoint)
    {
        var key = BenchmarkEndpoint.ObjectKey(1024);
        var payload = new byte[1024];
        switch (client)
        {
            case "ours":
                var ours = ClientFactory.CreateOurs(endpoint);
                return (scenario switch
                {
                    "list" => async () => _ = (await ours.ListObjectsPageAsync(BenchmarkEndpoint.Bucket)).Objects.Count,
                    "get" => async () =>
                    {
                        await using var result = await ours.GetObjectAsync(BenchmarkEndpoint.Bucket, key);
                        await result.Content.CopyToAsync(Stream.Null);
                    },
                    "head" => () => ours.HeadObjectAsync(BenchmarkEndpoint.Bucket, key),
                    _ => () => ours.PutObjectAsync(BenchmarkEndpoint.Bucket, "uploads/small.bin", new MemoryStream(payload, writable: false)),
                }, ours.Dispose);
            case "sdk":
                var sdk = ClientFactory.CreateSdk(endpoint);
                return (scenario switch
                {
                    "list" => async () => _ = (await sdk.ListObjectsV2Async(new ListObjectsV2Request { BucketName = BenchmarkEndpoint.Bucket })).S3Objects.Count,
                    "get" => async () =>
                    {
                        using var response = await sdk.GetObjectAsync(BenchmarkEndpoint.Bucket, key);
                        await response.ResponseStream.CopyToAsync(Stream.Null);
                    },
                    "head" => () => sdk.GetObjectMetadataAsync(BenchmarkEndpoint.Bucket, key),
                    _ => () => sdk.PutObjectAsync(new PutObjectRequest
                    {
                        BucketName = BenchmarkEndpoint.Bucket, Key = "uploads/small.bin", InputStream = new MemoryStream(payload, writable: false),
                    }),
                }, sdk.Dispose);
            default:
                var raw = ClientFactory.CreateRaw(endpoint);
                var list = new Uri(endpoint, $"/{BenchmarkEndpoint.Bucket}?list-type=2&encoding-type=url");
                var get = raw.ObjectUri(key);
                var put = raw.ObjectUri("uploads/small.bin");
                var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(payload));
                return (scenario switch
                {
                    "list" => () => raw.ListBytesAsync(list),
                    "get" => () => raw.GetAsync(get, Stream.Null),
                    "head" => () => raw.HeadAsync(get),
                    _ => () => raw.PutAsync(put, payload, hash),
                }, raw.Dispose);
        }
    }
}
