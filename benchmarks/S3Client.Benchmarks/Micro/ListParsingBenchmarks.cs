using System.Net;
using System.Xml;
using Amazon.Runtime.Internal.Transform;
using Amazon.S3.Model;
using Amazon.S3.Model.Internal.MarshallTransformations;
using BenchmarkDotNet.Attributes;
using S3Client.Benchmarks.Infrastructure;
using S3Client.Listing.Internal;

namespace S3Client.Benchmarks.Micro;

/// <summary>
/// Parsing one realistic ListObjectsV2 page of 1000 keys (about 300 KB, as our client asks for it: encoding-type=url)
/// from memory into each library's object model.
/// </summary>
[BenchmarkCategory("ListObjectsV2 page parse (1000 keys)")]
public class ListParsingBenchmarks
{
    private readonly byte[] _page = CannedResponses.ListPageUrlEncoded;

    [Benchmark(Baseline = true, Description = "Hand-rolled UTF-8 scanner")]
    public int HandRolled() => HandRolledListParser.Parse(_page).Objects.Count;

    [Benchmark(Description = "XmlReader, sync, minimal")]
    public int XmlReaderSync()
    {
        using var stream = new MemoryStream(_page, writable: false);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { IgnoreWhitespace = true, DtdProcessing = DtdProcessing.Prohibit });
        string? key = null, etag = null;
        long size = 0;
        var modified = DateTimeOffset.MinValue;
        var objects = new List<S3ObjectInfo>(1000);
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "Key": key = reader.ReadElementContentAsString(); continue;
                    case "ETag": etag = reader.ReadElementContentAsString(); continue;
                    case "Size": size = reader.ReadElementContentAsLong(); continue;
                    case "LastModified": modified = XmlConvert.ToDateTimeOffset(reader.ReadElementContentAsString()); continue;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "Contents")
            {
                objects.Add(new S3ObjectInfo(key!, size, etag, modified, "STANDARD"));
            }

            reader.Read();
        }

        return objects.Count;
    }

    [Benchmark(Description = "Ours (ListObjectsV2Parser)")]
    public async Task<int> Ours()
    {
        using var stream = new MemoryStream(_page, writable: false);
        var page = await ListObjectsV2Parser.ParseAsync(stream, CancellationToken.None);
        return page.Objects.Count;
    }

    [Benchmark(Description = "AWSSDK.S3 (ListObjectsV2ResponseUnmarshaller)")]
    public int Sdk()
    {
        using var stream = new MemoryStream(_page, writable: false);
        using var context = new XmlUnmarshallerContext(stream, false, new SdkResponseData(HttpStatusCode.OK, _page.Length), false);
        var response = (ListObjectsV2Response)ListObjectsV2ResponseUnmarshaller.Instance.Unmarshall(context);
        return response.S3Objects.Count;
    }
}
