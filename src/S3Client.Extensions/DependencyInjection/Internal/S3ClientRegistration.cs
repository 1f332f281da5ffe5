namespace S3Client.DependencyInjection.Internal;

/// <summary>Marks a client name as registered, so a second <c>AddS3Client</c> for it adds configuration, not handlers.</summary>
internal sealed class S3ClientRegistration
{
}
