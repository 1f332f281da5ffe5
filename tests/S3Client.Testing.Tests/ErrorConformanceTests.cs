using System.Net;
using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests;

/// <summary>
/// For each situation, the fake throws what the real client throws when S3 gives its answer for it: the real client
/// runs over a stub that returns S3's status and error document, and both exceptions must agree in type, status,
/// error code, service message, operation, bucket, key and message text.
/// </summary>
public class ErrorConformanceTests
{
    private const string B = TestStore.Bucket;

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["GetObject of a missing key"] = new(HttpStatusCode.NotFound, "NoSuchKey", "The specified key does not exist.", c => c.GetObjectAsync(B, "missing")),
        ["GetObject in a missing bucket"] = new(HttpStatusCode.NotFound, "NoSuchBucket", "The specified bucket does not exist", c => c.GetObjectAsync("missing-bucket", "k")),
        ["HeadObject of a missing key"] = new(HttpStatusCode.NotFound, null, null, c => c.HeadObjectAsync(B, "missing")),
        ["PutObject in a missing bucket"] = new(HttpStatusCode.NotFound, "NoSuchBucket", "The specified bucket does not exist", c => c.PutObjectAsync("missing-bucket", "k", new MemoryStream([1]))),
        ["CreateBucket of an owned bucket"] = new(HttpStatusCode.Conflict, "BucketAlreadyOwnedByYou",
            "Your previous request to create the named bucket succeeded and you already own it.", c => c.CreateBucketAsync(B)),
        ["DeleteBucket of a non-empty bucket"] = new(HttpStatusCode.Conflict, "BucketNotEmpty", "The bucket you tried to delete is not empty", c => c.DeleteBucketAsync(B)),
        ["GetObject with a failing If-Match"] = new(HttpStatusCode.PreconditionFailed, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold",
            c => c.GetObjectAsync(B, "k", new GetObjectOptions { IfMatch = "\"other\"" })),
        ["HeadObject with a failing If-Match"] = new(HttpStatusCode.PreconditionFailed, null, null, c => c.HeadObjectAsync(B, "k", new HeadObjectOptions { IfMatch = "\"other\"" })),
        ["GetObject with a matching If-None-Match"] = new(HttpStatusCode.NotModified, null, null,
            c => c.GetObjectAsync(B, "k", new GetObjectOptions { IfNoneMatch = TestStore.Md5ETag("data") })),
        ["GetObject of a range past the end"] = new(HttpStatusCode.RequestedRangeNotSatisfiable, "InvalidRange", "The requested range is not satisfiable",
            c => c.GetObjectAsync(B, "k", new GetObjectOptions { Range = S3ByteRange.StartingAt(100) })),
        ["PutObject create-only over an existing key"] = new(HttpStatusCode.PreconditionFailed, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold",
            c => c.PutObjectAsync(B, "k", new MemoryStream([1]), new PutObjectOptions { IfNoneMatchAny = true })),
        ["ListObjectsV2 of a missing bucket"] = new(HttpStatusCode.NotFound, "NoSuchBucket", "The specified bucket does not exist", c => c.ListObjectsPageAsync("missing-bucket")),
        ["DeleteObjects in a missing bucket"] = new(HttpStatusCode.NotFound, "NoSuchBucket", "The specified bucket does not exist", c => c.DeleteObjectsAsync("missing-bucket", ["k"])),
        ["CopyObject of a missing source"] = new(HttpStatusCode.NotFound, "NoSuchKey", "The specified key does not exist.", c => c.CopyObjectAsync(B, "missing", B, "dest")),
        ["CopyObject with a failing source condition"] = new(HttpStatusCode.PreconditionFailed, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold",
            c => c.CopyObjectAsync(B, "k", B, "dest", new CopyObjectOptions { SourceConditions = new S3Conditions { IfNoneMatch = "*" } })),
        ["UploadPart to an unknown upload"] = new(HttpStatusCode.NotFound, "NoSuchUpload",
            "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
            c => c.UploadPartAsync(B, "k", "unknown-upload", 1, new MemoryStream([1]))),
        ["ListParts of an unknown upload"] = new(HttpStatusCode.NotFound, "NoSuchUpload",
            "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
            c => c.ListPartsAsync(B, "k", "unknown-upload").ToListAsync().AsTask()),
        ["CompleteMultipartUpload with an unknown part"] = new(HttpStatusCode.BadRequest, "InvalidPart",
            "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
            async c =>
            {
                var uploadId = await c.CreateMultipartUploadAsync(B, "mp");
                await c.CompleteMultipartUploadAsync(B, "mp", uploadId, [new S3CompletedPart(1, "\"nope\"")]);
            },
            RealCall: c => c.CompleteMultipartUploadAsync(B, "mp", "upload", [new S3CompletedPart(1, "\"nope\"")])),
        ["GetObjectTagging of a missing key"] = new(HttpStatusCode.NotFound, "NoSuchKey", "The specified key does not exist.", c => c.GetObjectTagsAsync(B, "missing")),
        ["GetBucketVersioning of a missing bucket"] = new(HttpStatusCode.NotFound, "NoSuchBucket", "The specified bucket does not exist", c => c.GetBucketVersioningAsync("missing-bucket")),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task The_fake_throws_what_the_real_client_throws_for_S3s_answer(string caseName)
    {
        var test = Cases[caseName];
        var store = await TestStore.CreateAsync();
        await store.PutAsync("k", "data");

        var fake = await Record.ExceptionAsync(() => test.Call(store.Client));
        var real = await RealClient.ThrowsForAnswerAsync(test.Status, test.Code, test.Message, test.RealCall ?? test.Call);

        fake.ShouldMatchS3Error(real);
        ((S3Exception)fake).RequestId.Should().BeNull();
    }

    public sealed record Case(HttpStatusCode Status, string? Code, string? Message, Func<IS3Client, Task> Call, Func<IS3Client, Task>? RealCall = null);
}
