using System.Xml;
using S3Client.Xml.Internal;

namespace S3Client.Listing.Internal;

/// <summary>Streams a ListBuckets <c>&lt;ListAllMyBucketsResult&gt;</c>.</summary>
internal static class ListBucketsParser
{
    public static async Task<IReadOnlyList<S3BucketInfo>> ParseAsync(Stream body)
    {
        using var reader = XmlReader.Create(body, S3XmlReaderSettings.Create(async: true));
        await S3XmlText.ExpectRootAsync(reader, "ListAllMyBucketsResult").ConfigureAwait(false);
        var buckets = new List<S3BucketInfo>();
        await S3XmlText.ReadChildrenAsync(reader, async section =>
        {
            if (section.LocalName != "Buckets")
            {
                await section.SkipAsync().ConfigureAwait(false);
                return;
            }

            await S3XmlText.ReadChildrenAsync(section, async bucket =>
            {
                string? name = null;
                DateTimeOffset? created = null;
                await S3XmlText.ReadChildrenAsync(bucket, async field =>
                {
                    switch (field.LocalName)
                    {
                        case "Name": name = await field.ReadElementContentAsStringAsync().ConfigureAwait(false); break;
                        case "CreationDate": created = S3XmlText.ParseTimestamp(await field.ReadElementContentAsStringAsync().ConfigureAwait(false)); break;
                        default: await field.SkipAsync().ConfigureAwait(false); break;
                    }
                }).ConfigureAwait(false);
                if (name is not null)
                {
                    buckets.Add(new S3BucketInfo(name, created));
                }
            }).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return buckets;
    }
}
