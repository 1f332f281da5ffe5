namespace S3Client.Samples.Worker;

/// <summary>What was uploaded under a key: what every later step checks against.</summary>
internal sealed record UploadedObject(string Key, long Size, string Sha256Hex);
