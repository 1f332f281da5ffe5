namespace S3Client.Testing.Tests.Bulk;

public sealed class TransferBudgetTests
{
    [Fact]
    public async Task A_reservation_waits_until_earlier_ones_release_their_bytes()
    {
        var budget = new S3TransferBudget(100);
        var first = await budget.ReserveAsync(70);

        var second = budget.ReserveAsync(50).AsTask();
        var third = budget.ReserveAsync(10).AsTask();

        second.IsCompleted.Should().BeFalse();
        third.IsCompleted.Should().BeFalse("waiters are served in order, so a small one does not overtake");
        first.Dispose();
        using var secondReservation = await second;
        budget.BytesInFlight.Should().BeInRange(50, 60, "the second holds its 50 bytes once the first released its 70");
        await third;
        budget.BytesInFlight.Should().Be(60);
    }

    [Fact]
    public async Task A_reservation_larger_than_the_budget_runs_alone()
    {
        var budget = new S3TransferBudget(100);
        var small = await budget.ReserveAsync(1);

        var huge = budget.ReserveAsync(1_000_000).AsTask();
        huge.IsCompleted.Should().BeFalse();
        small.Dispose();

        using var granted = await huge;
        budget.BytesInFlight.Should().Be(100);
    }

    [Fact]
    public async Task A_cancelled_wait_reserves_nothing_and_lets_the_next_one_in()
    {
        var budget = new S3TransferBudget(100);
        var held = await budget.ReserveAsync(90);
        using var cancel = new CancellationTokenSource();
        var cancelled = budget.ReserveAsync(50, cancel.Token).AsTask();
        var next = budget.ReserveAsync(10).AsTask();

        await cancel.CancelAsync();

        await cancelled.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        await next;
        budget.BytesInFlight.Should().Be(100);
        held.Dispose();
        held.Dispose();
        budget.BytesInFlight.Should().Be(10);
    }

    [Fact]
    public void Rejects_an_empty_budget()
    {
        var create = () => new S3TransferBudget(0);

        create.Should().Throw<ArgumentOutOfRangeException>();
    }
}
