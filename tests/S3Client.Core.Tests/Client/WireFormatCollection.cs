namespace S3Client.Core.Tests.Client;

/// <summary>
/// The wire-format tests send through the real <see cref="S3DiagnosticsHandler"/>, whose activities an
/// <c>ActivityListener</c> in a test running in parallel would also record; so they run alone, after the parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WireFormatCollection
{
    public const string Name = "S3 wire format (WireMock)";
}
