namespace S3Client.Core.Tests.Transfer;

public class TransferOptionsTests
{
    [Theory]
    [InlineData(nameof(TransferOptions.PartSize), 1024L, "*PartSize*5 MiB*")]
    [InlineData(nameof(TransferOptions.PartSize), 2L * 1024 * 1024 * 1024, "*PartSize*1 GiB*")]
    [InlineData(nameof(TransferOptions.MaxConcurrency), 0L, "*MaxConcurrency*1 to 64*")]
    [InlineData(nameof(TransferOptions.MaxConcurrency), 65L, "*MaxConcurrency*")]
    [InlineData(nameof(TransferOptions.MultipartThreshold), -1L, "*MultipartThreshold*")]
    [InlineData(nameof(TransferOptions.MaxPartAttempts), 0L, "*MaxPartAttempts*")]
    public void Out_of_range_settings_are_refused_with_the_setting_named(string property, long value, string message)
    {
        var options = new TransferOptions();
        var info = typeof(TransferOptions).GetProperty(property)!;
        info.SetValue(options, info.PropertyType == typeof(int) ? (object)(int)value : value);

        var act = options.Validate;

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage(message);
    }

    [Fact]
    public void Defaults_are_valid() => new TransferOptions().Invoking(o => o.Validate()).Should().NotThrow();

    [Fact]
    public void A_clone_does_not_share_metadata_or_tags_with_its_source()
    {
        var defaults = new TransferOptions { PartSize = 16 * 1024 * 1024, ContentType = "text/plain" };
        defaults.Metadata["team"] = "a";

        var copy = defaults.Clone();
        copy.Metadata["extra"] = "b";
        copy.Tags["t"] = "v";

        copy.PartSize.Should().Be(defaults.PartSize);
        copy.ContentType.Should().Be("text/plain");
        copy.Metadata.Should().Contain("team", "a");
        defaults.Metadata.Should().NotContainKey("extra");
        defaults.Tags.Should().BeEmpty();
    }
}
