using System.Text.Json;
using System.Text.Json.Serialization;

namespace S3Client.Samples.Api;

/// <summary>Source-generated JSON for the API's answers (camelCase, as ASP.NET Core's web defaults).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IAsyncEnumerable<S3ObjectInfo>))]
[JsonSerializable(typeof(UploadResult))]
[JsonSerializable(typeof(PresignedUrl))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
