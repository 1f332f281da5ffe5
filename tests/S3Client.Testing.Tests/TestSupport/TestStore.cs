using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace S3Client.Testing.Tests.TestSupport;

/// <summary>An <see cref="InMemoryS3Client"/> on a fake clock with one bucket, and shortcuts to write and read text.</summary>
public sealed class TestStore
{
    public const string Bucket = "test-bucket";

    public static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private TestStore()
    {
        Client = new InMemoryS3Client(Time);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public InMemoryS3Client Client { get; }

    public static async Task<TestStore> CreateAsync(bool versioned = false)
    {
        var store = new TestStore();
        await store.Client.CreateBucketAsync(Bucket);
        if (versioned)
        {
            await store.Client.SetBucketVersioningAsync(Bucket, enabled: true);
        }

        return store;
    }

    public Task<PutObjectResult> PutAsync(string key, string text, PutObjectOptions? options = null) =>
        Client.PutObjectAsync(Bucket, key, new MemoryStream(Encoding.UTF8.GetBytes(text)), options);

    public async Task<string> ReadAsync(string key, GetObjectOptions? options = null)
    {
        using var result = await Client.GetObjectAsync(Bucket, key, options);
        return await new StreamReader(result.Content, Encoding.UTF8).ReadToEndAsync();
    }

    public async Task<IReadOnlyList<string>> KeysAsync(ListObjectsOptions? options = null) =>
        (await Client.ListObjectsAsync(Bucket, options).ToListAsync()).Select(o => o.Key).ToList();

    public static string Md5ETag(byte[] data) => $"\"{Convert.ToHexStringLower(MD5.HashData(data))}\"";

    public static string Md5ETag(string text) => Md5ETag(Encoding.UTF8.GetBytes(text));

    public static byte[] Bytes(int length, int seed = 1)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }
}
