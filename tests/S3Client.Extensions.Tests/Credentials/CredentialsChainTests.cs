using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace S3Client.Extensions.Tests.Credentials;

/// <summary>Changes process environment variables, so these tests never run in parallel with others.</summary>
[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection
{
}

[Collection(nameof(EnvironmentCollection))]
public sealed class CredentialsChainTests : IDisposable
{
    private static readonly string[] Variables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_REGION", "AWS_DEFAULT_REGION",
    ];

    private readonly Dictionary<string, string?> _saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
    private readonly string _folder = Directory.CreateTempSubdirectory("s3client-creds-").FullName;

    public CredentialsChainTests()
    {
        foreach (var variable in Variables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        // Never read the real home folder's file.
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(_folder, "missing"));
    }

    [Fact]
    public async Task Keys_in_the_options_come_first()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "FROM-ENV");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "env-secret");

        var provider = S3CredentialsChain.Resolve(new S3ClientOptions { AccessKeyId = "FROM-OPTIONS", SecretAccessKey = "s", SessionToken = "t" });

        var credentials = await provider.GetCredentialsAsync();
        credentials.AccessKeyId.Should().Be("FROM-OPTIONS");
        credentials.SessionToken.Should().Be("t");
    }

    [Fact]
    public async Task The_environment_comes_before_the_profile_file()
    {
        WriteProfile("default", "FROM-FILE", "file-secret");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "FROM-ENV");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "env-secret");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", "env-token");

        var credentials = await S3CredentialsChain.Resolve(new S3ClientOptions()).GetCredentialsAsync();

        credentials.AccessKeyId.Should().Be("FROM-ENV");
        credentials.SessionToken.Should().Be("env-token");
    }

    [Fact]
    public async Task The_profile_named_by_AWS_PROFILE_is_read_from_the_shared_credentials_file()
    {
        WriteProfile("default", "DEFAULT-KEY", "default-secret", extra: "[ci]\naws_access_key_id = CI-KEY\naws_secret_access_key=ci-secret\naws_session_token = ci-token\n");
        Environment.SetEnvironmentVariable("AWS_PROFILE", "ci");

        var provider = S3CredentialsChain.Resolve(new S3ClientOptions());

        provider.Should().BeOfType<S3ProfileCredentialsProvider>();
        var credentials = await provider.GetCredentialsAsync();
        credentials.AccessKeyId.Should().Be("CI-KEY");
        credentials.SecretAccessKey.Should().Be("ci-secret");
        credentials.SessionToken.Should().Be("ci-token");
    }

    [Fact]
    public async Task A_refresh_rereads_the_profile_file()
    {
        WriteProfile("default", "OLD-KEY", "old");
        var provider = S3CredentialsChain.Resolve(new S3ClientOptions());
        WriteProfile("default", "NEW-KEY", "new");

        (await provider.GetCredentialsAsync()).AccessKeyId.Should().Be("OLD-KEY");
        (await provider.RefreshCredentialsAsync()).AccessKeyId.Should().Be("NEW-KEY");
    }

    [Fact]
    public void No_credentials_anywhere_is_an_error_that_lists_every_place_looked_at()
    {
        var act = () => S3CredentialsChain.Resolve(new S3ClientOptions());

        act.Should().Throw<InvalidOperationException>()
            .WithMessage("*AccessKeyId/SecretAccessKey*CredentialsProvider*AWS_ACCESS_KEY_ID*profile 'default'*");
    }

    [Fact]
    public void The_region_comes_from_the_options_then_AWS_REGION_then_AWS_DEFAULT_REGION()
    {
        Environment.SetEnvironmentVariable("AWS_DEFAULT_REGION", "eu-north-1");
        S3CredentialsChain.ResolveRegion(new S3ClientOptions()).Should().Be("eu-north-1");
        Environment.SetEnvironmentVariable("AWS_REGION", "ap-south-1");
        S3CredentialsChain.ResolveRegion(new S3ClientOptions()).Should().Be("ap-south-1");
        S3CredentialsChain.ResolveRegion(new S3ClientOptions { Region = "auto" }).Should().Be("auto");
        Environment.SetEnvironmentVariable("AWS_REGION", null);
        Environment.SetEnvironmentVariable("AWS_DEFAULT_REGION", null);
        S3CredentialsChain.ResolveRegion(new S3ClientOptions()).Should().Be("us-east-1");
    }

    [Fact]
    public async Task Refreshing_providers_fetch_once_for_concurrent_callers_and_again_before_expiry()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 0, 0, TimeSpan.Zero));
        var provider = new CountingProvider(time);

        var first = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => provider.GetCredentialsAsync().AsTask()));
        time.Advance(TimeSpan.FromMinutes(50));
        var stillValid = await provider.GetCredentialsAsync();
        time.Advance(TimeSpan.FromMinutes(6));
        var refreshed = await provider.GetCredentialsAsync();

        provider.Fetches.Should().Be(2);
        first.Should().OnlyContain(c => c.AccessKeyId == "KEY-1");
        stillValid.AccessKeyId.Should().Be("KEY-1");
        refreshed.AccessKeyId.Should().Be("KEY-2", "within 5 minutes of expiry the credentials are fetched again");
    }

    [Fact]
    public void Missing_credentials_fail_at_start_with_a_message_that_names_the_settings()
    {
        var services = new ServiceCollection();
        services.AddS3Client(o => o.ServiceUrl = new Uri("http://127.0.0.1:9000"));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().WithMessage("S3: No S3 credentials found*AccessKeyId/SecretAccessKey*CredentialsProvider*AWS_ACCESS_KEY_ID*");
    }

    public void Dispose()
    {
        foreach (var (variable, value) in _saved)
        {
            Environment.SetEnvironmentVariable(variable, value);
        }

        Directory.Delete(_folder, recursive: true);
    }

    private void WriteProfile(string profile, string keyId, string secret, string extra = "")
    {
        var path = Path.Combine(_folder, "credentials");
        File.WriteAllText(path, $"# comment\n[{profile}]\naws_access_key_id = {keyId}\naws_secret_access_key = {secret}\n\n{extra}");
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", path);
    }

    private sealed class CountingProvider(FakeTimeProvider clock) : S3RefreshingCredentialsProvider(TimeSpan.FromMinutes(5), clock)
    {
        private readonly TimeProvider _clock = clock;
        private int _fetches;

        public int Fetches => _fetches;

        protected override async Task<S3Credentials> FetchCredentialsAsync(CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _fetches);
            await Task.Yield();
            return new S3Credentials($"KEY-{n}", "secret", "token", _clock.GetUtcNow().AddHours(1));
        }
    }
}
