using System.Text;
using S3Client.Core.Tests.TestSupport;

namespace S3Client.Core.Tests.Transfer;

/// <summary>
/// Links planted at the names DownloadFileAsync uses (<c>{target}.s3partial</c>, <c>{target}.s3partial.parts</c>, the
/// target itself) are never followed: the files they point to stay as they were, and the target ends as a regular file.
/// </summary>
public class DownloadFileLinkTests
{
    private const string ETag = "\"v1\"";
    private static readonly byte[] Content = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Links_planted_at_the_partial_and_journal_names_are_not_followed(bool allowResume)
    {
        using var folder = new TempDirectory();
        var target = Path.Combine(folder.Path, "object.bin");
        var partialVictim = Victim(folder, "partial-victim", "the partial file's victim");
        var journalVictim = Victim(folder, "journal-victim", "s3client-download-v1 \"v1\" 1000 5242880\n0\n");
        File.CreateSymbolicLink(target + ".s3partial", partialVictim);
        File.CreateSymbolicLink(target + ".s3partial.parts", journalVictim);

        await Manager().DownloadFileAsync("bucket", "key", target, new TransferOptions { AllowResume = allowResume });

        File.ReadAllText(partialVictim).Should().Be("the partial file's victim");
        File.ReadAllText(journalVictim).Should().Be("s3client-download-v1 \"v1\" 1000 5242880\n0\n");
        new FileInfo(target).LinkTarget.Should().BeNull("the target is a regular file, not a link");
        File.ReadAllBytes(target).Should().Equal(Content);
        File.Exists(target + ".s3partial").Should().BeFalse();
        File.Exists(target + ".s3partial.parts").Should().BeFalse();
    }

    [Fact]
    public async Task A_dangling_link_at_the_partial_name_creates_nothing_where_it_points()
    {
        using var folder = new TempDirectory();
        var target = Path.Combine(folder.Path, "object.bin");
        var nowhere = Path.Combine(folder.Path, "created-through-the-link");
        File.CreateSymbolicLink(target + ".s3partial", nowhere);
        File.CreateSymbolicLink(target + ".s3partial.parts", nowhere + ".parts");

        await Manager().DownloadFileAsync("bucket", "key", target);

        File.Exists(nowhere).Should().BeFalse();
        File.Exists(nowhere + ".parts").Should().BeFalse();
        File.ReadAllBytes(target).Should().Equal(Content);
    }

    [Fact]
    public async Task A_link_at_the_target_name_is_replaced_by_the_file_and_its_target_is_untouched()
    {
        using var folder = new TempDirectory();
        var target = Path.Combine(folder.Path, "object.bin");
        var victim = Victim(folder, "target-victim", "the target's victim");
        File.CreateSymbolicLink(target, victim);

        await Manager().DownloadFileAsync("bucket", "key", target);

        File.ReadAllText(victim).Should().Be("the target's victim");
        new FileInfo(target).LinkTarget.Should().BeNull();
        File.ReadAllBytes(target).Should().Equal(Content);
    }

    private static string Victim(TempDirectory folder, string name, string text)
    {
        var path = Path.Combine(folder.Path, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static S3TransferManager Manager() => new(new ScriptedService(request =>
    {
        var (first, last) = ScriptedService.RangeOf(request);
        last = Math.Min(last, Content.Length - 1);
        return ScriptedService.Partial(Content[(int)first..(int)(last + 1)], $"bytes {first}-{last}/{Content.Length}", ETag);
    }).Client());
}
