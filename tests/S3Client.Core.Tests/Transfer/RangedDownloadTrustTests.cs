using System.Net;
using S3Client.Core.Tests.TestSupport;

namespace S3Client.Core.Tests.Transfer;

/// <summary>
/// A ranged download against a service or proxy that answers parts it was not asked for: another version (If-Match
/// ignored), another range, another object size, a length that disagrees with its range. Each is an error after one
/// more try, never bytes in the file.
/// </summary>
public class RangedDownloadTrustTests
{
    private const int PartSize = 5 * 1024 * 1024;
    private const int Total = PartSize + 1000;
    private const string PinnedETag = "\"v1\"";
    private static readonly byte[] Content = Enumerable.Range(0, Total).Select(i => (byte)(i * 31 % 251)).ToArray();
    private static readonly TransferOptions Options = new() { PartSize = PartSize, MaxConcurrency = 1 };

    [Fact]
    public async Task A_part_of_another_version_is_fetched_once_more_then_the_download_fails()
    {
        var service = new ScriptedService(request => SecondPart(request) ? Honest(request, etag: "\"v2\"") : Honest(request));
        var destination = new MemoryStream();

        var download = () => new S3TransferManager(service.Client()).DownloadAsync("bucket", "key", destination, Options);

        (await download.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().Contain("entity tag").And.Contain("\"v1\"").And.Contain("\"v2\"");
        service.Requests.Count(SecondPart).Should().Be(2);
        service.Requests.Where(SecondPart).Should().OnlyContain(r => r.Headers.IfMatch.ToString() == PinnedETag);
        destination.Length.Should().Be(PartSize, "nothing of the foreign part is written");
    }

    [Fact]
    public async Task A_part_of_another_version_once_is_fetched_again_and_the_download_completes()
    {
        var answered = 0;
        var service = new ScriptedService(request =>
            SecondPart(request) && Interlocked.Increment(ref answered) == 1 ? Honest(request, etag: "\"v2\"") : Honest(request));
        var destination = new MemoryStream();

        await new S3TransferManager(service.Client()).DownloadAsync("bucket", "key", destination, Options);

        destination.ToArray().Should().Equal(Content);
    }

    [Fact]
    public async Task An_object_of_several_parts_without_an_ETag_fails_instead_of_being_read_unpinned()
    {
        var service = new ScriptedService(request =>
        {
            var answer = Honest(request);
            answer.Headers.ETag = null;
            return answer;
        });

        var download = () => new S3TransferManager(service.Client()).DownloadAsync("bucket", "key", new MemoryStream(), Options);

        (await download.Should().ThrowAsync<InvalidDataException>()).WithMessage("*without an ETag*cannot be pinned*");
        service.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task A_part_answered_with_the_bytes_of_another_range_fails()
    {
        // Part 2 asked for; part 1's bytes and range come back (a cache keyed without the Range header).
        var service = new ScriptedService(request => SecondPart(request)
            ? ScriptedService.Partial(Content[..1000], $"bytes 0-999/{Total}", PinnedETag)
            : Honest(request));
        var destination = new MemoryStream();

        var download = () => new S3TransferManager(service.Client()).DownloadAsync("bucket", "key", destination, Options);

        (await download.Should().ThrowAsync<InvalidDataException>()).WithMessage($"*bytes 0-999/{Total}*should have given bytes {PartSize}-{Total - 1}*");
        service.Requests.Count(SecondPart).Should().Be(2);
        destination.Length.Should().Be(PartSize);
    }

    [Fact]
    public async Task A_part_of_an_object_of_another_size_fails()
    {
        var service = new ScriptedService(request => SecondPart(request)
            ? ScriptedService.Partial(Content[PartSize..], $"bytes {PartSize}-{Total - 1}/{Total + 5000}", PinnedETag)
            : Honest(request));

        var download = () => new S3TransferManager(service.Client()).DownloadAsync("bucket", "key", new MemoryStream(), Options);

        (await download.Should().ThrowAsync<InvalidDataException>()).WithMessage($"*object of {Total + 5000} bytes*started on one of {Total}*");
    }

    [Fact]
    public async Task A_first_part_claiming_an_impossible_object_size_fails_before_anything_is_sized_by_it()
    {
        var service = new ScriptedService(_ => ScriptedService.Partial(Content[..PartSize], $"bytes 0-{PartSize - 1}/{long.MaxValue}", PinnedETag));
        using var folder = new TempDirectory();

        var download = () => new S3TransferManager(service.Client()).DownloadFileAsync("bucket", "key", Path.Combine(folder.Path, "f"), Options);

        (await download.Should().ThrowAsync<InvalidDataException>()).WithMessage("*more than any S3 service stores*");
        Directory.GetFiles(folder.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task A_206_whose_Content_Length_disagrees_with_its_Content_Range_fails()
    {
        var service = new ScriptedService(request => SecondPart(request)
            ? ScriptedService.Partial(Content[PartSize..(PartSize + 500)], $"bytes {PartSize}-{Total - 1}/{Total}", PinnedETag)
            : Honest(request));

        var download = () => new S3TransferManager(service.Client()).DownloadAsync("bucket", "key", new MemoryStream(), Options);

        (await download.Should().ThrowAsync<InvalidDataException>()).WithMessage("*announces 500 bytes instead of 1000*");
        service.Requests.Count(SecondPart).Should().Be(2);
    }

    [Fact]
    public async Task A_first_part_from_a_server_that_ignores_Range_fails_instead_of_being_taken_as_the_object()
    {
        var service = new ScriptedService(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Content[..1000]) });

        var download = () => new S3TransferManager(service.Client()).DownloadAsync("bucket", "key", new MemoryStream(), Options);

        (await download.Should().ThrowAsync<InvalidDataException>()).WithMessage("*a 200, not a 206*");
        service.Requests.Should().HaveCount(2, "an answer that does not add up is asked for once more");
    }

    [Fact]
    public async Task An_empty_object_answered_with_an_empty_200_downloads_as_an_empty_file()
    {
        using var folder = new TempDirectory();
        var target = Path.Combine(folder.Path, "empty.bin");
        var service = new ScriptedService(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]), Headers = { ETag = new(PinnedETag) } });

        var result = await new S3TransferManager(service.Client()).DownloadFileAsync("bucket", "key", target, Options);

        result.Size.Should().Be(0);
        new FileInfo(target).Length.Should().Be(0);
    }

    [Fact]
    public async Task A_file_download_whose_part_is_of_another_version_leaves_no_file()
    {
        using var folder = new TempDirectory();
        var target = Path.Combine(folder.Path, "object.bin");
        var service = new ScriptedService(request => SecondPart(request) ? Honest(request, etag: "\"v2\"") : Honest(request));

        var download = () => new S3TransferManager(service.Client()).DownloadFileAsync("bucket", "key", target, Options);

        await download.Should().ThrowAsync<InvalidDataException>();
        File.Exists(target).Should().BeFalse();
        Directory.GetFiles(folder.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task The_download_itself_refuses_a_part_of_another_version_from_a_client_that_does_not_check_If_Match()
    {
        var requests = 0;
        var client = GetObjectOnlyClient.Create(options =>
        {
            Interlocked.Increment(ref requests);
            var first = options.Range!.Value.First!.Value;
            return Result(options.Range.Value, first == 0 ? PinnedETag : "\"v2\"");
        });

        var download = () => new S3TransferManager(client).DownloadAsync("bucket", "key", new MemoryStream(), Options);

        (await download.Should().ThrowAsync<InvalidDataException>()).WithMessage("Part 2 has entity tag \"v2\", but the download is pinned to \"v1\"*");
        requests.Should().Be(3, "the first part, and the second twice");
    }

    [Fact]
    public async Task The_download_itself_refuses_a_part_of_another_range_from_a_client_that_does_not_check_ranges()
    {
        var client = GetObjectOnlyClient.Create(options => options.Range!.Value.First == 0
            ? Result(options.Range.Value, PinnedETag)
            : Result(S3ByteRange.Between(0, 999), PinnedETag));

        var download = () => new S3TransferManager(client).DownloadAsync("bucket", "key", new MemoryStream(), Options);

        (await download.Should().ThrowAsync<InvalidDataException>()).WithMessage("*is for bytes 0-999*");
    }

    private static GetObjectResult Result(S3ByteRange range, string etag)
    {
        var first = range.First!.Value;
        var last = Math.Min(range.Last!.Value, Total - 1);
        var bytes = Content[(int)first..(int)(last + 1)];
        return new GetObjectResult(new MemoryStream(bytes), new ObjectMetadata { ContentLength = bytes.Length, ETag = etag })
        {
            ContentRange = $"bytes {first}-{last}/{Total}",
        };
    }

    private static bool SecondPart(HttpRequestMessage request) => ScriptedService.RangeOf(request).First == PartSize;

    private static HttpResponseMessage Honest(HttpRequestMessage request, string etag = PinnedETag)
    {
        var (first, last) = ScriptedService.RangeOf(request);
        last = Math.Min(last, Total - 1);
        return ScriptedService.Partial(Content[(int)first..(int)(last + 1)], $"bytes {first}-{last}/{Total}", etag);
    }
}
