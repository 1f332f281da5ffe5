using System.Runtime.CompilerServices;
using S3Client.Listing.Internal;
using S3Client.Pipeline.Internal;
using S3Client.Validation.Internal;
using S3Client.Versioning.Internal;
using S3Client.Xml.Internal;

namespace S3Client;

/// <content>Bucket versioning and object versions.</content>
public sealed partial class S3ServiceClient
{
    /// <inheritdoc />
    public async Task SetBucketVersioningAsync(string bucket, bool enabled, CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        using var request = CreateRequest(HttpMethod.Put, "PutBucketVersioning", bucket, key: null, [new("versioning", null)]);
        SetXmlPayload(request, S3XmlBody.Build("VersioningConfiguration", writer => writer.WriteElementString("Status", enabled ? "Enabled" : "Suspended")));
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<S3VersioningStatus> GetBucketVersioningAsync(string bucket, CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        using var request = CreateRequest(HttpMethod.Get, "GetBucketVersioning", bucket, key: null, [new("versioning", null)], S3AnswerMode.Buffer);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var fields = await S3XmlFields.ReadAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), "VersioningConfiguration").ConfigureAwait(false);
        return fields.GetValueOrDefault("Status") switch
        {
            "Enabled" => S3VersioningStatus.Enabled,
            "Suspended" => S3VersioningStatus.Suspended,
            _ => S3VersioningStatus.Off,
        };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<S3ObjectVersion> ListObjectVersionsAsync(
        string bucket, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        S3Validation.BucketName(bucket);
        string? keyMarker = null, versionMarker = null;
        var markers = new PageMarkers("ListObjectVersions", "NextKeyMarker/NextVersionIdMarker");
        do
        {
            var query = new List<KeyValuePair<string, string?>>(5) { new("versions", null), new("encoding-type", "url") };
            AddIfSet(query, "prefix", prefix);
            if (keyMarker is not null)
            {
                query.Add(new("key-marker", keyMarker));
                AddIfSet(query, "version-id-marker", versionMarker);
            }

            using var request = CreateRequest(HttpMethod.Get, "ListObjectVersions", bucket, key: null, query, S3AnswerMode.Stream);
            using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            var (versions, truncated, nextKey, nextVersion) = await ListVersionsParser.ParseAsync(
                await OpenBodyAsync(response, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            foreach (var version in versions)
            {
                yield return version;
            }

            (keyMarker, versionMarker) = markers.Next(truncated, string.IsNullOrEmpty(nextKey) ? null : PageMarkers.Pair(nextKey, nextVersion)) is null
                ? (null, null)
                : (nextKey, nextVersion);
        }
        while (keyMarker is not null);
    }
}
