namespace S3Client.Errors.Internal;

/// <summary>The fields of an S3 <c>&lt;Error&gt;</c> document that the exceptions carry.</summary>
internal sealed record S3ErrorBody(string? Code, string? Message, string? RequestId, string? HostId, string? BucketName, string? Key, string? Region);
