namespace S3Client.Bulk.Internal;

/// <summary>What a bulk operation does with each item; <see cref="BulkEngine{TItem}"/> runs it with concurrency, budget and retries.</summary>
/// <typeparam name="TItem">The item type.</typeparam>
internal interface IBulkWork<TItem>
{
    /// <summary>The key a result or failure of the item is reported under.</summary>
    string KeyOf(TItem item);

    /// <summary>What is done with the item, for the result of a failure.</summary>
    BulkItemAction ActionOf(TItem item);

    /// <summary>The local path of the item, for the result of a failure.</summary>
    string? PathOf(TItem item);

    /// <summary>The bytes the item reserves in the budget while it runs.</summary>
    long BytesInFlight(TItem item);

    /// <summary>One attempt; throws to fail it (transient failures are tried again). Null when it reported its results itself.</summary>
    Task<BulkItemResult?> RunAsync(TItem item, BulkRecorder recorder, CancellationToken cancellationToken);
}
