namespace S3Client.Core.Tests.Client;

/// <summary>Object keys and the path-style request path each must arrive as: encoded once, never normalised.</summary>
public static class ObjectKeys
{
    public static TheoryData<string, string> Encodings => new()
    {
        { "a b/c+d%e~f", "/bucket/a%20b/c%2Bd%25e~f" },
        { "AZaz09-_.~", "/bucket/AZaz09-_.~" },
        { "a//b", "/bucket/a//b" },
        { "/leading", "/bucket//leading" },
        { "dir/", "/bucket/dir/" },
        { ".", "/bucket/." },
        { "..", "/bucket/.." },
        { "./x/../y", "/bucket/./x/../y" },
        { "../../escape", "/bucket/../../escape" },
        { "q?h#s;:@=&$,!*'()[]", "/bucket/q%3Fh%23s%3B%3A%40%3D%26%24%2C%21%2A%27%28%29%5B%5D" },
        { "%2F already encoded", "/bucket/%252F%20already%20encoded" },
        { "日本/é", "/bucket/%E6%97%A5%E6%9C%AC/%C3%A9" },
        { "emoji😀", "/bucket/emoji%F0%9F%98%80" },
        { "tab\tnewline\n", "/bucket/tab%09newline%0A" },
    };
}
