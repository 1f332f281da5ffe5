using System.Runtime.CompilerServices;
using S3Client.Listing.Internal;

namespace S3Client.Bulk.Internal;

/// <summary>
/// Plans a directory transfer as a stream of steps: the local walk and the listing, both in key order, merged like a
/// sorted join, so a sync of millions of files holds one directory's entries and one listing page. A listing that is
/// not in key order stops the plan (merging it would delete and upload the wrong things).
/// </summary>
internal sealed class DirectoryPlanner(IS3Client client, string bucket, string prefix, DirectoryTransferOptions options, S3OverwritePolicy policy, GlobFilter filter)
{
    public async IAsyncEnumerable<DirectoryItem> PlanUploadAsync(LocalTreeWalker walker, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (policy != S3OverwritePolicy.IfChanged && !options.DeleteExtraneous)
        {
            // Nothing to compare: no listing needed (create-only uploads keep existing objects under Never).
            foreach (var file in walker.Walk())
            {
                yield return new DirectoryItem(BulkItemAction.Upload, prefix + file.RelativeKey, file.RelativeKey, file, null, false);
            }

            yield break;
        }

        string? unreadable = null;
        await foreach (var (local, remote) in MergeAsync(walker.Walk(), cancellationToken).ConfigureAwait(false))
        {
            if (local is { Error: not null })
            {
                // Objects under an unreadable directory are never deleted for it.
                unreadable = local.RelativeKey.EndsWith('/') ? local.RelativeKey : unreadable;
                yield return new DirectoryItem(BulkItemAction.Upload, prefix + local.RelativeKey, local.RelativeKey, local, null, false);
            }
            else if (local is not null)
            {
                var action = remote is not null && policy == S3OverwritePolicy.Never ? BulkItemAction.None : BulkItemAction.Upload;
                yield return new DirectoryItem(action, prefix + local.RelativeKey, local.RelativeKey, local, remote, remote is not null && policy == S3OverwritePolicy.IfChanged);
            }
            else if (options.DeleteExtraneous && !remote!.Key.EndsWith('/') && (unreadable is null || !Relative(remote!).StartsWith(unreadable, StringComparison.Ordinal)))
            {
                yield return new DirectoryItem(BulkItemAction.Delete, remote!.Key, Relative(remote), null, remote, false);
            }
        }
    }

    public async IAsyncEnumerable<DirectoryItem> PlanDownloadAsync(LocalTreeWalker walker, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (policy != S3OverwritePolicy.IfChanged && !options.DeleteExtraneous)
        {
            await foreach (var remote in ListAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return new DirectoryItem(BulkItemAction.Download, remote.Key, Relative(remote), null, remote, false);
            }

            yield break;
        }

        await foreach (var (local, remote) in MergeAsync(walker.Walk(), cancellationToken).ConfigureAwait(false))
        {
            if (local is { Error: not null })
            {
                yield return new DirectoryItem(BulkItemAction.Download, prefix + local.RelativeKey, local.RelativeKey, local, null, false);
            }
            else if (remote is not null)
            {
                var action = local is not null && policy == S3OverwritePolicy.Never ? BulkItemAction.None : BulkItemAction.Download;
                yield return new DirectoryItem(action, remote.Key, Relative(remote), local, remote, local is not null && policy == S3OverwritePolicy.IfChanged);
            }
            else if (options.DeleteExtraneous)
            {
                yield return new DirectoryItem(BulkItemAction.Delete, prefix + local!.RelativeKey, local.RelativeKey, local, null, false);
            }
        }
    }

    /// <summary>Pairs local files and objects with the same relative key; either side is null when only the other has it.</summary>
    private async IAsyncEnumerable<(LocalFile? Local, S3ObjectInfo? Remote)> MergeAsync(
        IEnumerable<LocalFile> locals, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var local = locals.GetEnumerator();
        var remote = ListAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (remote.ConfigureAwait(false))
        {
            var hasLocal = local.MoveNext();
            var hasRemote = await remote.MoveNextAsync().ConfigureAwait(false);
            while (hasLocal || hasRemote)
            {
                var order = !hasRemote ? -1 : !hasLocal ? 1 : Utf8KeyComparer.Instance.Compare(local.Current.RelativeKey, Relative(remote.Current));
                if (hasLocal && local.Current.Error is not null)
                {
                    order = -1;
                }

                yield return (order <= 0 ? local.Current : null, order >= 0 ? remote.Current : null);
                if (order <= 0)
                {
                    hasLocal = local.MoveNext();
                }

                if (order >= 0)
                {
                    hasRemote = await remote.MoveNextAsync().ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>The objects under the prefix that the filter and the hidden switch let take part, checked to come in key order.</summary>
    private async IAsyncEnumerable<S3ObjectInfo> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? previous = null;
        await foreach (var remote in client.ListObjectsAsync(bucket, new ListObjectsOptions { Prefix = prefix }, cancellationToken).ConfigureAwait(false))
        {
            if (previous is not null && Utf8KeyComparer.Instance.Compare(previous, remote.Key) >= 0)
            {
                throw new InvalidOperationException($"The listing of bucket '{bucket}' is not in key order ('{remote.Key}' after '{previous}'); the directory transfer stopped before acting on it.");
            }

            previous = remote.Key;
            if (IsOurs(Relative(remote)))
            {
                yield return remote;
            }
        }
    }

    /// <summary>Whether an object's relative key is one the filter and the hidden switch include (folder markers ignore the filter).</summary>
    private bool IsOurs(string relative)
    {
        if (relative.Length == 0)
        {
            return false;
        }

        if (!options.IncludeHidden && relative.Split('/').Any(s => s.StartsWith('.')))
        {
            return false;
        }

        return relative.EndsWith('/') || filter.Matches(relative);
    }

    private string Relative(S3ObjectInfo remote) => remote.Key[prefix.Length..];
}
