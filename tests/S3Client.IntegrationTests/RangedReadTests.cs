using S3Client.IntegrationTests.Servers;
using S3Client.IntegrationTests.TestSupport;

namespace S3Client.IntegrationTests;

/// <summary>
/// Every kind of range against a real server: the client's checks of Content-Range (S3's rules for clipped, open and
/// suffix ranges) accept what the server really sends, and a server that answers a range it does not support gets an
/// error, never the wrong bytes.
/// </summary>
public class RangedReadTests
{
    private const int Size = 1000;

    public static TheoryData<string, string> ServersAndRanges()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in S3TestServers.Names)
        {
            foreach (var range in new[] { "Between(100, 199)", "Between(900, 5000)", "StartingAt(990)", "StartingAt(0)" })
            {
                data.Add(row, range);
            }
        }

        return data;
    }

    public static TheoryData<string, string> ServersAndSuffixRanges()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in S3TestServers.Names)
        {
            data.Add(row, "LastBytes(3)");
            data.Add(row, "LastBytes(5000)");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ServersAndRanges))]
    public async Task A_closed_clipped_or_open_range_returns_exactly_the_bytes_S3_defines(string server, string rangeCase)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        var data = await PutAsync(bucket);
        var (range, first, last) = Range(rangeCase);

        await using var get = await bucket.Client.GetObjectAsync(bucket.Name, "range.bin", new GetObjectOptions { Range = range });
        using var sink = new MemoryStream();
        await get.Content.CopyToAsync(sink);

        sink.ToArray().Should().Equal(data[first..(last + 1)]);
        get.ContentRange.Should().Be($"bytes {first}-{last}/{Size}");
    }

    [Theory]
    [MemberData(nameof(ServersAndSuffixRanges))]
    public async Task A_suffix_range_returns_the_last_bytes_or_fails_where_the_server_does_not_support_it(string server, string rangeCase)
    {
        await using var bucket = await TestBucket.CreateAsync(server);
        var data = await PutAsync(bucket);
        var (range, first, last) = Range(rangeCase);

        var get = async () =>
        {
            await using var result = await bucket.Client.GetObjectAsync(bucket.Name, "range.bin", new GetObjectOptions { Range = range });
            using var sink = new MemoryStream();
            await result.Content.CopyToAsync(sink);
            return (Bytes: sink.ToArray(), result.ContentRange);
        };

        (byte[] Bytes, string? ContentRange) answer;
        try
        {
            answer = await get();
        }
        catch (Exception e) when (!S3TestServers.Get(server).Supports(S3Feature.SuffixRange) && e is InvalidDataException or S3Exception)
        {
            // A server without suffix ranges answers something else; the client refuses it rather than return it.
            return;
        }

        answer.Bytes.Should().Equal(data[first..(last + 1)]);
        answer.ContentRange.Should().Be($"bytes {first}-{last}/{Size}");
    }

    private static async Task<byte[]> PutAsync(TestBucket bucket)
    {
        var data = new byte[Size];
        new PatternStream(Size).ReadExactly(data);
        await bucket.PutAsync("range.bin", new MemoryStream(data));
        return data;
    }

    private static (S3ByteRange Range, int First, int Last) Range(string rangeCase) => rangeCase switch
    {
        "Between(100, 199)" => (S3ByteRange.Between(100, 199), 100, 199),
        "Between(900, 5000)" => (S3ByteRange.Between(900, 5000), 900, Size - 1),
        "StartingAt(990)" => (S3ByteRange.StartingAt(990), 990, Size - 1),
        "StartingAt(0)" => (S3ByteRange.StartingAt(0), 0, Size - 1),
        "LastBytes(3)" => (S3ByteRange.LastBytes(3), Size - 3, Size - 1),
        "LastBytes(5000)" => (S3ByteRange.LastBytes(5000), 0, Size - 1),
        _ => throw new ArgumentOutOfRangeException(nameof(rangeCase), rangeCase, null),
    };
}
