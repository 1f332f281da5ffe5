using System.Net;
using System.Text;
using S3Client.Core.Tests.TestSupport;

namespace S3Client.Core.Tests.Listing;

/// <summary>
/// A paginated listing whose service repeats a marker (or says "truncated" without one) fails with a clear error instead
/// of fetching pages for ever or ending early without saying so.
/// </summary>
public class PaginationLoopTests
{
    // More pages than any of these listings may fetch: the service gives up (and the test fails) if the client loops.
    private const int PageLimit = 10;

    [Fact]
    public async Task ListObjects_fails_when_the_service_repeats_its_continuation_token()
    {
        var service = Pages(_ => Objects(truncated: true, next: "token-A"));

        var list = () => service.Client().ListObjectsAsync("bucket").ToListAsync().AsTask();

        await list.Should().ThrowAsync<InvalidDataException>().WithMessage("ListObjectsV2*NextContinuationToken*already given*");
        service.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task ListObjects_fails_when_the_service_cycles_through_tokens()
    {
        var service = Pages(page => Objects(truncated: true, next: page % 2 == 0 ? "token-A" : "token-B"));

        var list = () => service.Client().ListObjectsAsync("bucket").ToListAsync().AsTask();

        await list.Should().ThrowAsync<InvalidDataException>().WithMessage("*already given*");
        service.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task ListObjects_fails_when_the_service_answers_with_the_callers_own_start_token()
    {
        var service = Pages(_ => Objects(truncated: true, next: "start"));

        var list = () => service.Client().ListObjectsAsync("bucket", new ListObjectsOptions { ContinuationToken = "start" }).ToListAsync().AsTask();

        await list.Should().ThrowAsync<InvalidDataException>().WithMessage("*already given*");
        service.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task ListObjectsPage_fails_when_the_page_points_back_at_itself()
    {
        var service = Pages(_ => Objects(truncated: true, next: "start"));

        var page = () => service.Client().ListObjectsPageAsync("bucket", new ListObjectsOptions { ContinuationToken = "start" });

        await page.Should().ThrowAsync<InvalidDataException>().WithMessage("*already given*");
    }

    [Fact]
    public async Task ListObjects_fails_when_a_truncated_page_has_no_token()
    {
        var service = Pages(_ => Objects(truncated: true, next: null));

        var list = () => service.Client().ListObjectsAsync("bucket").ToListAsync().AsTask();

        await list.Should().ThrowAsync<InvalidDataException>().WithMessage("*truncated*NextContinuationToken*");
    }

    [Fact]
    public async Task ListObjectVersions_fails_when_the_service_repeats_its_markers()
    {
        var service = Pages(_ => Versions(truncated: true, "<NextKeyMarker>k</NextKeyMarker><NextVersionIdMarker>v</NextVersionIdMarker>"));

        var list = () => service.Client().ListObjectVersionsAsync("bucket").ToListAsync().AsTask();

        await list.Should().ThrowAsync<InvalidDataException>().WithMessage("ListObjectVersions*already given*");
        service.Requests.Should().HaveCount(2);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<NextKeyMarker></NextKeyMarker><NextVersionIdMarker>v</NextVersionIdMarker>")]
    public async Task ListObjectVersions_fails_when_a_truncated_page_has_no_marker(string markers)
    {
        var service = Pages(_ => Versions(truncated: true, markers));

        var list = () => service.Client().ListObjectVersionsAsync("bucket").ToListAsync().AsTask();

        await list.Should().ThrowAsync<InvalidDataException>().WithMessage("ListObjectVersions says the listing is truncated*");
    }

    [Fact]
    public async Task ListObjectVersions_follows_markers_that_change_only_in_the_version_id()
    {
        var service = Pages(page => Versions(
            truncated: page < 3, page < 3 ? $"<NextKeyMarker>k</NextKeyMarker><NextVersionIdMarker>v{page}</NextVersionIdMarker>" : string.Empty));

        var versions = await service.Client().ListObjectVersionsAsync("bucket").ToListAsync();

        versions.Should().HaveCount(3);
        service.Requests.Select(r => r.RequestUri!.Query).Should().Contain(q => q.Contains("version-id-marker=v1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListMultipartUploads_fails_when_the_service_repeats_its_markers()
    {
        var service = Pages(_ => Uploads(truncated: true, "<NextKeyMarker>k</NextKeyMarker><NextUploadIdMarker>u</NextUploadIdMarker>"));

        var list = () => service.Client().ListMultipartUploadsAsync("bucket").ToListAsync().AsTask();

        await list.Should().ThrowAsync<InvalidDataException>().WithMessage("ListMultipartUploads*already given*");
        service.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task ListMultipartUploads_fails_when_a_truncated_page_has_no_marker()
    {
        var service = Pages(_ => Uploads(truncated: true, string.Empty));

        var list = () => service.Client().ListMultipartUploadsAsync("bucket").ToListAsync().AsTask();

        await list.Should().ThrowAsync<InvalidDataException>().WithMessage("ListMultipartUploads says the listing is truncated*");
    }

    [Fact]
    public async Task ListParts_fails_when_the_service_repeats_its_marker()
    {
        var service = Pages(_ => Parts(truncated: true, "<NextPartNumberMarker>1</NextPartNumberMarker>"));

        var list = () => service.Client().ListPartsAsync("bucket", "key", "upload").ToListAsync().AsTask();

        await list.Should().ThrowAsync<InvalidDataException>().WithMessage("ListParts*already given*");
        service.Requests.Should().HaveCount(2);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<NextPartNumberMarker></NextPartNumberMarker>")]
    public async Task ListParts_fails_when_a_truncated_page_has_no_marker(string marker)
    {
        var service = Pages(_ => Parts(truncated: true, marker));

        var list = () => service.Client().ListPartsAsync("bucket", "key", "upload").ToListAsync().AsTask();

        await list.Should().ThrowAsync<InvalidDataException>().WithMessage("ListParts says the listing is truncated*");
    }

    [Theory]
    [InlineData("<IsTruncated>yes</IsTruncated>")]
    [InlineData("<IsTruncated>false</IsTruncated><NextPartNumberMarker>two</NextPartNumberMarker>")]
    public async Task ListParts_fails_on_a_page_whose_markers_do_not_parse(string fields)
    {
        var service = Pages(_ => $"<ListPartsResult>{fields}<Part><PartNumber>1</PartNumber><ETag>\"e\"</ETag><Size>5</Size></Part></ListPartsResult>");

        var list = () => service.Client().ListPartsAsync("bucket", "key", "upload").ToListAsync().AsTask();

        await list.Should().ThrowAsync<InvalidDataException>();
    }

    [Theory]
    [InlineData("<IsTruncated>yes</IsTruncated>")]
    [InlineData("<IsTruncated>false</IsTruncated><Contents><Key>b</Key><Size>-5</Size></Contents>")]
    public async Task ListObjects_fails_on_a_page_whose_fields_do_not_parse(string fields)
    {
        var service = Pages(_ => $"<ListBucketResult>{fields}<Contents><Key>a</Key><Size>1</Size></Contents></ListBucketResult>");

        var list = () => service.Client().ListObjectsAsync("bucket").ToListAsync().AsTask();

        await list.Should().ThrowAsync<InvalidDataException>();
    }

    private static ScriptedService Pages(Func<int, string> page)
    {
        var served = 0;
        return new ScriptedService(_ =>
        {
            var number = Interlocked.Increment(ref served);
            if (number > PageLimit)
            {
                throw new InvalidOperationException($"The client fetched more than {PageLimit} pages: it loops.");
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(page(number))) };
        });
    }

    private static string Objects(bool truncated, string? next) =>
        $"<ListBucketResult><IsTruncated>{(truncated ? "true" : "false")}</IsTruncated>{(next is null ? string.Empty : $"<NextContinuationToken>{next}</NextContinuationToken>")}"
        + "<Contents><Key>a</Key><Size>1</Size></Contents></ListBucketResult>";

    private static string Versions(bool truncated, string markers) =>
        $"<ListVersionsResult><IsTruncated>{(truncated ? "true" : "false")}</IsTruncated>{markers}"
        + "<Version><Key>k</Key><VersionId>v</VersionId><IsLatest>true</IsLatest><Size>1</Size></Version></ListVersionsResult>";

    private static string Uploads(bool truncated, string markers) =>
        $"<ListMultipartUploadsResult><IsTruncated>{(truncated ? "true" : "false")}</IsTruncated>{markers}"
        + "<Upload><Key>k</Key><UploadId>u</UploadId></Upload></ListMultipartUploadsResult>";

    private static string Parts(bool truncated, string marker) =>
        $"<ListPartsResult><IsTruncated>{(truncated ? "true" : "false")}</IsTruncated>{marker}"
        + "<Part><PartNumber>1</PartNumber><ETag>\"e\"</ETag><Size>5</Size></Part></ListPartsResult>";
}
