namespace S3Client.Core.Tests.Client;

/// <summary>Arguments that break an S3 rule and must be refused before any request is sent.</summary>
public static class InvalidInput
{
    // Keys are looked up by a readable case name: a lone surrogate would not survive xunit's theory-data serialisation.
    private static readonly Dictionary<string, string> KeysByCase = new()
    {
        ["empty"] = string.Empty,
        ["1025 bytes of UTF-8 (513 'é')"] = new string('é', 513),
        ["an unpaired surrogate"] = "lone\uD800surrogate",
    };

    public static TheoryData<string> BucketNames => new()
    {
        "ab",
        "Upper",
        "under_score",
        "-start",
        "end-",
        "192.168.1.1",
        "a..b",
        new string('a', 64),
    };

    public static TheoryData<string> KeyCases => new(KeysByCase.Keys);

    public static string Key(string keyCase) => KeysByCase[keyCase];
}
