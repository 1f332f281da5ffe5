using S3Client.WireLogging.Internal;

namespace S3Client.Core.Tests.WireLogging;

/// <summary>Our canonical request beside the service's, with the first differing line pointed out and no secret.</summary>
public class SignatureMismatchReportTests
{
    private const string Ours = "PUT\n/bucket/a.txt\n\nhost:127.0.0.1:9000\nx-amz-content-sha256:UNSIGNED-PAYLOAD\nx-amz-date:20260102T030405Z\n" +
        "x-amz-security-token:SESSION-SECRET\n\nhost;x-amz-content-sha256;x-amz-date;x-amz-security-token\nUNSIGNED-PAYLOAD";

    private static readonly CanonicalRequestTrace Trace = new(Ours, "AWS4-HMAC-SHA256\n20260102T030405Z\n20260102/us-east-1/s3/aws4_request\nabc");

    [Fact]
    public void The_first_differing_line_is_named_with_both_values()
    {
        var theirs = Ours.Replace("host:127.0.0.1:9000", "host:storage.internal", StringComparison.Ordinal);

        var report = SignatureMismatchReport.Create(Trace, new SignatureMismatchBody("SignatureDoesNotMatch", theirs, null), includeKeys: true);

        report.Should().Contain("Our canonical request:\n  PUT\n  /bucket/a.txt\n").And.Contain("The service's canonical request:")
            .And.Contain("First difference in the canonical request: line 4: ours 'host:127.0.0.1:9000', the service's 'host:storage.internal'.");
    }

    [Fact]
    public void A_difference_in_the_path_names_the_line()
    {
        var theirs = Ours.Replace("/bucket/a.txt", "/bucket/a%2Etxt", StringComparison.Ordinal);

        var report = SignatureMismatchReport.Create(Trace, new SignatureMismatchBody("SignatureDoesNotMatch", theirs, null), includeKeys: true);

        report.Should().Contain("line 2 (canonical URI): ours '/bucket/a.txt', the service's '/bucket/a%2Etxt'.");
    }

    [Fact]
    public void The_same_canonical_request_points_at_the_secret_key_and_region()
    {
        var report = SignatureMismatchReport.Create(Trace, new SignatureMismatchBody("SignatureDoesNotMatch", Ours, null), includeKeys: true);

        report.Should().Contain("Ours and the service's canonical request are the same").And.Contain("check the secret access key");
    }

    [Fact]
    public void Without_the_services_canonical_request_ours_is_shown_and_the_absence_said()
    {
        var report = SignatureMismatchReport.Create(Trace, new SignatureMismatchBody("SignatureDoesNotMatch", null, null), includeKeys: true);

        report.Should().Contain("Our canonical request:").And.Contain("Our string to sign:")
            .And.Contain("The service sent no canonical request in its error body");
    }

    [Fact]
    public void Session_tokens_are_redacted_and_keys_hidden_when_asked()
    {
        var theirs = Ours.Replace("x-amz-security-token:SESSION-SECRET", "x-amz-security-token:OTHER-SECRET", StringComparison.Ordinal);

        var report = SignatureMismatchReport.Create(Trace, new SignatureMismatchBody("SignatureDoesNotMatch", theirs, null), includeKeys: false);

        report.Should().NotContain("SESSION-SECRET").And.NotContain("OTHER-SECRET").And.NotContain("a.txt")
            .And.Contain("x-amz-security-token:[redacted]")
            .And.Contain("line 7: ours 'x-amz-security-token:[redacted]', the service's 'x-amz-security-token:[redacted]'");
    }

    [Theory]
    [InlineData("a\nb\nc", "a\nb\nc", 0)]
    [InlineData("a\nb\nc", "a\nx\nc", 2)]
    [InlineData("a\nb", "a\nb\nc", 3)]
    public void First_differing_line(string ours, string theirs, int line) =>
        SignatureMismatchReport.FirstDifferingLine(ours, theirs).Should().Be(line);
}
