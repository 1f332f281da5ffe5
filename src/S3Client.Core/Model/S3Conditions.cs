namespace S3Client;

/// <summary>Conditions on a copy source (<c>x-amz-copy-source-if-*</c>); a failed condition is a 412.</summary>
public sealed class S3Conditions : S3ReadConditions
{
}
