using S3Client.Transfer.Internal;

namespace S3Client.Core.Tests.Transfer;

public class PartSizingTests
{
    private const long MiB = 1024 * 1024;

    [Theory]
    [InlineData(100 * MiB, 8 * MiB, 8 * MiB)]
    [InlineData(0, 8 * MiB, 8 * MiB)]
    [InlineData(1024L * 1024 * MiB, 8 * MiB, 105 * MiB)]
    [InlineData(5L * 1024 * 1024 * MiB, 8 * MiB, 525 * MiB)]
    [InlineData(10 * MiB, 1 * MiB, 5 * MiB)]
    public void Known_lengths_never_need_more_than_10000_parts(long length, long configured, long expected)
    {
        var size = PartSizing.ForKnownLength(length, configured);

        size.Should().Be(expected);
        ((length + size - 1) / size).Should().BeLessThanOrEqualTo(10_000);
    }

    [Fact]
    public void Unknown_lengths_double_every_800_parts_and_reach_5_TiB_within_10000_parts()
    {
        long total = 0;
        for (var part = 1; part <= 10_000; part++)
        {
            total += PartSizing.ForUnknownLength(part, 8 * MiB);
        }

        PartSizing.ForUnknownLength(1, 8 * MiB).Should().Be(8 * MiB);
        PartSizing.ForUnknownLength(801, 8 * MiB).Should().Be(16 * MiB);
        total.Should().BeGreaterThanOrEqualTo(5L * 1024 * 1024 * MiB);
    }
}
