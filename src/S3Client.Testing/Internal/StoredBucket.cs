using S3Client.Listing.Internal;

namespace S3Client.Testing.Internal;

/// <summary>
/// A bucket: its keys in UTF-8 binary order, each with its versions newest first, and its multipart uploads. Applies
/// S3's versioning rules to writes and deletes. Not thread-safe: the client calls it under its lock.
/// </summary>
internal sealed class StoredBucket(string name, DateTimeOffset created)
{
    private readonly List<string> _keys = [];
    private readonly Dictionary<string, List<StoredObject>> _versions = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public DateTimeOffset Created { get; } = created;

    public S3VersioningStatus Versioning { get; set; }

    /// <summary>Whether HEAD, GET and PUT report version ids (once versioning was ever enabled).</summary>
    public bool ReportsVersions => Versioning != S3VersioningStatus.Off;

    public Dictionary<string, StoredUpload> Uploads { get; } = new(StringComparer.Ordinal);

    /// <summary>No object, version or delete marker is left.</summary>
    public bool IsEmpty => _keys.Count == 0;

    /// <summary>A new opaque id, unique across buckets, for versions and multipart uploads.</summary>
    public static string NewId(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N");

    /// <summary>The version id the next write gets: a new one with versioning enabled, <c>null</c> otherwise.</summary>
    public string NextVersionId(DateTimeOffset now) =>
        Versioning == S3VersioningStatus.Enabled ? NewId(now) : StoredObject.NullVersionId;

    /// <summary>The current version, a delete marker included; null when the key has none.</summary>
    public StoredObject? Latest(string key) => _versions.TryGetValue(key, out var versions) ? versions[0] : null;

    /// <summary>The named version (delete markers included), or the current one; null when there is none.</summary>
    public StoredObject? Lookup(string key, string? versionId) => versionId is null
        ? Latest(key)
        : _versions.GetValueOrDefault(key)?.Find(v => v.VersionId == versionId);

    /// <summary>The version a GET, HEAD or tagging call reads, failing as S3 does (404 or 405 for a delete marker).</summary>
    public StoredObject Read(string key, string? versionId, FakeRequest request)
    {
        var found = Lookup(key, versionId);
        if (versionId is null)
        {
            return found is null || found.IsDeleteMarker ? throw request.NoSuchKey() : found;
        }

        return found is null ? throw request.NoSuchVersion()
            : found.IsDeleteMarker ? throw request.MethodNotAllowed()
            : found;
    }

    /// <summary>Stores a version: it replaces the <c>null</c> version (versioning off or suspended) or goes on top.</summary>
    public void Put(StoredObject version)
    {
        if (!_versions.TryGetValue(version.Key, out var versions))
        {
            versions = [];
            _versions.Add(version.Key, versions);
            var index = _keys.BinarySearch(version.Key, Utf8KeyComparer.Instance);
            _keys.Insert(~index, version.Key);
        }

        if (version.VersionId == StoredObject.NullVersionId)
        {
            versions.RemoveAll(v => v.VersionId == StoredObject.NullVersionId);
        }

        versions.Insert(0, version);
    }

    /// <summary>
    /// Deletes as S3 does: a named version permanently; otherwise the object (versioning off) or by adding a delete
    /// marker (versioning on or suspended, even for a key that does not exist).
    /// </summary>
    /// <returns>The version removed, and the delete marker added.</returns>
    public (StoredObject? Removed, StoredObject? Marker) Delete(string key, string? versionId, DateTimeOffset now)
    {
        if (versionId is not null)
        {
            var removed = Lookup(key, versionId);
            if (removed is not null)
            {
                Remove(key, removed);
            }

            return (removed, null);
        }

        if (Versioning == S3VersioningStatus.Off)
        {
            var removed = Latest(key);
            if (removed is not null)
            {
                Remove(key, removed);
            }

            return (removed, null);
        }

        var marker = new StoredObject { Key = key, VersionId = NextVersionId(now), LastModified = now, IsDeleteMarker = true };
        Put(marker);
        return (null, marker);
    }

    /// <summary>The keys after <paramref name="marker"/> (all when null), in order.</summary>
    public IEnumerable<string> KeysAfter(string? marker)
    {
        var start = 0;
        if (marker is not null)
        {
            var index = _keys.BinarySearch(marker, Utf8KeyComparer.Instance);
            start = index >= 0 ? index + 1 : ~index;
        }

        for (var i = start; i < _keys.Count; i++)
        {
            yield return _keys[i];
        }
    }

    /// <summary>The versions of a key, newest first.</summary>
    public IReadOnlyList<StoredObject> VersionsOf(string key) => _versions[key];

    private void Remove(string key, StoredObject version)
    {
        var versions = _versions[key];
        versions.Remove(version);
        if (versions.Count == 0)
        {
            _versions.Remove(key);
            _keys.RemoveAt(_keys.BinarySearch(key, Utf8KeyComparer.Instance));
        }
    }
}
