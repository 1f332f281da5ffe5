namespace S3Client.Testing.Internal;

/// <summary>SSE-C as S3 enforces it: an object stored with a customer key is read only with the same key.</summary>
internal static class CustomerKeys
{
    public static void ThrowIfWrong(string? storedKeyMd5, S3CustomerKey? given, FakeRequest request)
    {
        if (storedKeyMd5 is null)
        {
            if (given is not null)
            {
                throw request.InvalidRequest("The encryption parameters are not applicable to this object.");
            }

            return;
        }

        if (given is null)
        {
            throw request.InvalidRequest("The object was stored using a form of Server Side Encryption. The correct parameters must be provided to retrieve the object.");
        }

        if (given.KeyMd5 != storedKeyMd5)
        {
            throw request.Error(System.Net.HttpStatusCode.Forbidden, "AccessDenied", "Access Denied");
        }
    }

    /// <summary>A part must carry the SSE-C key its upload was created with, and only then.</summary>
    public static void ThrowIfWrongForPart(string? uploadKeyMd5, S3CustomerKey? given, FakeRequest request)
    {
        if (uploadKeyMd5 is null)
        {
            if (given is not null)
            {
                throw request.InvalidRequest("The encryption parameters are not applicable to this object.");
            }

            return;
        }

        if (given is null)
        {
            throw request.InvalidRequest(
                "The multipart upload initiate requested encryption. Subsequent part requests must include the appropriate encryption parameters.");
        }

        if (given.KeyMd5 != uploadKeyMd5)
        {
            throw request.InvalidArgument("The provided encryption parameters did not match the ones used originally.");
        }
    }
}
