using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using S3Client.Testing;

namespace S3Client.Samples.Tests.Api;

/// <summary>
/// The API sample in a test host, with <c>ReplaceS3ClientWithInMemory</c> in place of the real client: no S3 server,
/// no credentials (as in CI), the app's own endpoints, bucket set-up and health check.
/// </summary>
public sealed class ApiSampleTests : IDisposable
{
    private const string Bucket = "s3client-api-sample";
    private readonly WebApplicationFactory<Program> _factory = new();

    [Fact]
    public void Without_the_replacement_the_host_does_not_start_without_credentials()
    {
        using var factory = WithoutCredentials(_factory);

        var act = () => factory.CreateClient();

        act.Should().Throw<OptionsValidationException>().WithMessage("*S3 credentials*");
    }

    [Fact]
    public async Task Uploads_lists_downloads_and_deletes_through_the_in_memory_client()
    {
        InMemoryS3Client? s3 = null;
        using var factory = WithoutCredentials(_factory).WithWebHostBuilder(web =>
            web.ConfigureTestServices(services => s3 = services.ReplaceS3ClientWithInMemory()));
        using var http = factory.CreateClient();

        using var put = await http.PutAsync("/files/docs/a.txt", new StringContent("hello", Encoding.UTF8, "text/plain"));
        var listed = await http.GetFromJsonAsync<List<ListedObject>>("/files?prefix=docs/");
        var body = await http.GetStringAsync("/files/docs/a.txt");
        using var delete = await http.DeleteAsync("/files/docs/a.txt");

        put.StatusCode.Should().Be(HttpStatusCode.Created);
        listed.Should().ContainSingle().Which.Key.Should().Be("docs/a.txt");
        body.Should().Be("hello");
        delete.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await s3!.BucketExistsAsync(Bucket)).Should().BeTrue("the app created its bucket at start");
        var act = () => s3.HeadObjectAsync(Bucket, "docs/a.txt");
        await act.Should().ThrowAsync<S3NotFoundException>();
    }

    [Fact]
    public async Task A_missing_object_is_a_404_problem_and_the_health_check_sees_the_bucket()
    {
        using var factory = WithoutCredentials(_factory).WithWebHostBuilder(web =>
            web.ConfigureTestServices(services => services.ReplaceS3ClientWithInMemory()));
        using var http = factory.CreateClient();

        using var missing = await http.GetAsync("/files/nope.txt");
        var health = await http.GetStringAsync("/health");

        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        health.Should().Be("Healthy");
    }

    public void Dispose() => _factory.Dispose();

    // What CI has: no S3 server and no credentials.
    private static WebApplicationFactory<Program> WithoutCredentials(WebApplicationFactory<Program> factory) =>
        factory.WithWebHostBuilder(web => web.ConfigureAppConfiguration(configuration =>
            configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["S3:ServiceUrl"] = "http://127.0.0.1:1",
                ["S3:AccessKeyId"] = string.Empty,
                ["S3:SecretAccessKey"] = string.Empty,
            })));

    private sealed record ListedObject(string Key, long Size);
}
