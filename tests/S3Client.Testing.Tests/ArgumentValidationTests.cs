using S3Client.Core.Tests.TestSupport;
using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests;

/// <summary>Bad input fails in the fake exactly as in the real client: same exception type, parameter and message.</summary>
public class ArgumentValidationTests
{
    private const string B = TestStore.Bucket;

    private static readonly Dictionary<string, Func<IS3Client, Task>> Cases = new()
    {
        ["Put with an empty key"] = c => c.PutObjectAsync(B, string.Empty, new MemoryStream([1])),
        ["Put with a key over 1024 bytes"] = c => c.PutObjectAsync(B, new string('é', 513), new MemoryStream([1])),
        ["Put with an unpaired surrogate in the key"] = c => c.PutObjectAsync(B, "a\uD800b", new MemoryStream([1])),
        ["Put with a null stream"] = c => c.PutObjectAsync(B, "k", null!),
        ["Put with a negative length"] = c => c.PutObjectAsync(B, "k", new MemoryStream([1]), new PutObjectOptions { ContentLength = -1 }),
        ["Put with a length beyond the stream"] = c => c.PutObjectAsync(B, "k", new MemoryStream([1]), new PutObjectOptions { ContentLength = 2 }),
        ["Put of a non-seekable stream without length"] = c => c.PutObjectAsync(B, "k", new NonSeekableStream([1])),
        ["Put with CR LF in the content type"] = c => c.PutObjectAsync(B, "k", new MemoryStream([1]), new PutObjectOptions { ContentType = "text/plain\r\nX-Evil: 1" }),
        ["Put with a non-ASCII cache control"] = c => c.PutObjectAsync(B, "k", new MemoryStream([1]), new PutObjectOptions { CacheControl = "max-âge" }),
        ["Put with a bad metadata name"] = c => c.PutObjectAsync(B, "k", new MemoryStream([1]), WithMetadata("bad name", "v")),
        ["Put with a CR in a metadata value"] = c => c.PutObjectAsync(B, "k", new MemoryStream([1]), WithMetadata("name", "a\rb")),
        ["Put with eleven tags"] = c => c.PutObjectAsync(B, "k", new MemoryStream([1]), WithTags(11)),
        ["Put with SSE-S3 and SSE-C"] = c => c.PutObjectAsync(B, "k", new MemoryStream([1]),
            new PutObjectOptions { ServerSideEncryption = S3ServerSideEncryption.S3Managed(), CustomerKey = new S3CustomerKey(new byte[32]) }),
        ["Put with a CR in If-Match"] = c => c.PutObjectAsync(B, "k", new MemoryStream([1]), new PutObjectOptions { IfMatch = "\"a\"\r\n" }),
        ["Get with a bad bucket name"] = c => c.GetObjectAsync("Bad_Bucket", "k"),
        ["Get with LF in If-None-Match"] = c => c.GetObjectAsync(B, "k", new GetObjectOptions { IfNoneMatch = "a\nb" }),
        ["Head with a null key"] = c => c.HeadObjectAsync(B, null!),
        ["Delete with an empty key"] = c => c.DeleteObjectAsync(B, string.Empty),
        ["List page size 0"] = c => c.ListObjectsPageAsync(B, new ListObjectsOptions { PageSize = 0 }),
        ["List page size 1001"] = c => c.ListObjectsAsync(B, new ListObjectsOptions { PageSize = 1001 }).ToListAsync().AsTask(),
        ["Batch delete with a null list"] = c => c.DeleteObjectsAsync(B, null!),
        ["Copy with a bad source bucket"] = c => c.CopyObjectAsync("x", "k", B, "k2"),
        ["Copy with an empty destination key"] = c => c.CopyObjectAsync(B, "k", B, string.Empty),
        ["Copy with a CR in a source condition"] = c => c.CopyObjectAsync(B, "k", B, "k2", new CopyObjectOptions { SourceConditions = new S3Conditions { IfMatch = "\r" } }),
        ["Copy replacing with a bad metadata name"] = c => c.CopyObjectAsync(B, "k", B, "k2", WithCopyMetadata("a:b")),
        ["Create upload with a LF in the content language"] = c => c.CreateMultipartUploadAsync(B, "k", new CreateMultipartUploadOptions { ContentLanguage = "en\n" }),
        ["Upload part number 0"] = c => c.UploadPartAsync(B, "k", "upload", 0, new MemoryStream([1])),
        ["Upload part number 10001"] = c => c.UploadPartAsync(B, "k", "upload", 10_001, new MemoryStream([1])),
        ["Upload part with a blank upload id"] = c => c.UploadPartAsync(B, "k", " ", 1, new MemoryStream([1])),
        ["Upload part with a negative length"] = c => c.UploadPartAsync(B, "k", "upload", 1, new MemoryStream([1]), new UploadPartOptions { ContentLength = -5 }),
        ["Upload part copy with an open range"] = c => c.UploadPartCopyAsync(B, "k", "upload", 1, B, "src", new UploadPartCopyOptions { SourceRange = S3ByteRange.StartingAt(5) }),
        ["Upload part copy with a bad source key"] = c => c.UploadPartCopyAsync(B, "k", "upload", 1, B, string.Empty),
        ["Complete with no parts"] = c => c.CompleteMultipartUploadAsync(B, "k", "upload", []),
        ["Complete with a part listed twice"] = c => c.CompleteMultipartUploadAsync(B, "k", "upload", [new S3CompletedPart(1, "\"a\""), new S3CompletedPart(1, "\"b\"")]),
        ["Complete with part number 0"] = c => c.CompleteMultipartUploadAsync(B, "k", "upload", [new S3CompletedPart(0, "\"a\"")]),
        ["Abort with a CR in the upload id"] = c => c.AbortMultipartUploadAsync(B, "k", "up\rload"),
        ["List parts with an empty upload id"] = c => c.ListPartsAsync(B, "k", string.Empty).ToListAsync().AsTask(),
        ["Tag with a 129-character key"] = c => c.PutObjectTagsAsync(B, "k", new Dictionary<string, string> { [new string('t', 129)] = "v" }),
        ["Tag with a null dictionary"] = c => c.PutObjectTagsAsync(B, "k", null!),
        ["Versioning with a bad bucket"] = c => c.SetBucketVersioningAsync("a", true),
        ["List versions with a bad bucket"] = c => c.ListObjectVersionsAsync("UPPER").ToListAsync().AsTask(),
        ["Presign with a CR in a response override"] = c => c.GetPresignedUrlAsync(B, "k", HttpMethod.Get, TimeSpan.FromMinutes(1), new PresignOptions { ResponseContentType = "a\rb" }),
        ["Presign with a null method"] = c => c.GetPresignedUrlAsync(B, "k", null!, TimeSpan.FromMinutes(1)),
        ["Upload with a part size under 5 MiB"] = c => c.UploadAsync(B, "k", new MemoryStream([1]), new TransferOptions { PartSize = 1024 }),
        ["Download into a read-only stream"] = c => c.DownloadAsync(B, "k", new MemoryStream([], writable: false)),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Invalid_input_fails_as_in_the_real_client_without_touching_the_store(string caseName)
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("k", "unchanged");

        var fake = await Record.ExceptionAsync(() => Cases[caseName](store.Client));

        fake.ShouldMatchArgumentError(await RealClient.ThrowsBeforeSendingAsync(Cases[caseName]));
        (await store.KeysAsync()).Should().Equal("k");
        (await store.ReadAsync("k")).Should().Be("unchanged");
        (await store.Client.ListMultipartUploadsAsync(TestStore.Bucket).ToListAsync()).Should().BeEmpty();
    }

    private static PutObjectOptions WithMetadata(string name, string value)
    {
        var options = new PutObjectOptions();
        options.Metadata[name] = value;
        return options;
    }

    private static PutObjectOptions WithTags(int count)
    {
        var options = new PutObjectOptions();
        for (var i = 0; i < count; i++)
        {
            options.Tags[$"t{i}"] = "v";
        }

        return options;
    }

    private static CopyObjectOptions WithCopyMetadata(string name)
    {
        var options = new CopyObjectOptions { ReplaceMetadata = true };
        options.Metadata[name] = "v";
        return options;
    }
}
