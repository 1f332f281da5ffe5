using System.Text;
using S3Client.Testing.Tests.TestSupport;

namespace S3Client.Testing.Tests;

public class RangeTests
{
    private const string Text = "0123456789";

    [Theory]
    [InlineData(2, 5, "2345", "bytes 2-5/10")]
    [InlineData(7, 100, "789", "bytes 7-9/10")]
    public async Task A_byte_range_returns_those_bytes_with_their_length_and_Content_Range(long first, long last, string expected, string contentRange)
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("k", Text);

        using var result = await store.Client.GetObjectAsync(TestStore.Bucket, "k", new GetObjectOptions { Range = S3ByteRange.Between(first, last) });

        new StreamReader(result.Content).ReadToEnd().Should().Be(expected);
        result.ContentLength.Should().Be(expected.Length);
        result.Properties.ContentLength.Should().Be(expected.Length);
        result.ContentRange.Should().Be(contentRange);
    }

    [Fact]
    public async Task An_open_range_reads_to_the_end()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("k", Text);

        var text = await store.ReadAsync("k", new GetObjectOptions { Range = S3ByteRange.StartingAt(6) });

        text.Should().Be("6789");
    }

    [Theory]
    [InlineData(3, "789", "bytes 7-9/10")]
    [InlineData(50, Text, "bytes 0-9/10")]
    public async Task A_suffix_range_reads_the_last_bytes_or_the_whole_shorter_object(long count, string expected, string contentRange)
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("k", Text);

        using var result = await store.Client.GetObjectAsync(TestStore.Bucket, "k", new GetObjectOptions { Range = S3ByteRange.LastBytes(count) });

        new StreamReader(result.Content, Encoding.ASCII).ReadToEnd().Should().Be(expected);
        result.ContentRange.Should().Be(contentRange);
    }

    [Fact]
    public async Task A_range_that_starts_past_the_end_is_InvalidRange_416()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("k", Text);

        var act = () => store.Client.GetObjectAsync(TestStore.Bucket, "k", new GetObjectOptions { Range = S3ByteRange.StartingAt(10) });

        var thrown = await act.Should().ThrowAsync<S3RangeNotSatisfiableException>();
        thrown.Which.StatusCode.Should().Be(System.Net.HttpStatusCode.RequestedRangeNotSatisfiable);
        thrown.Which.ErrorCode.Should().Be("InvalidRange");
    }

    [Fact]
    public async Task Any_range_of_an_empty_object_is_InvalidRange_while_a_plain_get_reads_nothing()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("empty", string.Empty);

        var ranged = () => store.Client.GetObjectAsync(TestStore.Bucket, "empty", new GetObjectOptions { Range = S3ByteRange.Between(0, 99) });
        using var whole = await store.Client.GetObjectAsync(TestStore.Bucket, "empty");

        await ranged.Should().ThrowAsync<S3RangeNotSatisfiableException>();
        whole.ContentLength.Should().Be(0);
        whole.Content.ReadByte().Should().Be(-1);
    }

    [Fact]
    public async Task Conditions_are_checked_before_the_range()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("k", Text);

        var act = () => store.Client.GetObjectAsync(TestStore.Bucket, "k", new GetObjectOptions { IfMatch = "\"other\"", Range = S3ByteRange.StartingAt(99) });

        await act.Should().ThrowAsync<S3PreconditionFailedException>();
    }

    [Fact]
    public async Task A_default_range_is_refused_as_the_real_client_refuses_it()
    {
        var store = await TestStore.CreateAsync();
        await store.PutAsync("k", Text);

        var get = () => store.Client.GetObjectAsync(TestStore.Bucket, "k", new GetObjectOptions { Range = default(S3ByteRange) });

        await get.Should().ThrowAsync<ArgumentException>().WithParameterName("options").WithMessage("*default(S3ByteRange)*");
    }
}
