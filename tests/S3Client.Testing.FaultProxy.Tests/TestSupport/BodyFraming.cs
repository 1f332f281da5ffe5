namespace S3Client.FaultInjection.Tests.TestSupport;

/// <summary>How the test origin frames a response body.</summary>
public enum BodyFraming
{
    ContentLength,
    Chunked,
    UntilClose,
}
