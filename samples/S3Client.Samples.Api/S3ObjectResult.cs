namespace S3Client.Samples.Api;

/// <summary>
/// Streams an S3 object to the HTTP response with its Content-Type, Content-Length, ETag and Last-Modified, then
/// releases the S3 connection. A body that ends early fails the copy, so the client sees a broken response, never a
/// short file that looks complete.
/// </summary>
internal sealed class S3ObjectResult(GetObjectResult file) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        await using (file)
        {
            var response = httpContext.Response;
            response.ContentType = file.ContentType ?? "application/octet-stream";
            response.ContentLength = file.ContentLength;
            if (file.ETag is not null)
            {
                response.Headers.ETag = file.ETag;
            }

            if (file.LastModified is { } lastModified)
            {
                response.GetTypedHeaders().LastModified = lastModified;
            }

            // A small pooled buffer at a time: memory does not grow with the object.
            await file.Content.CopyToAsync(response.Body, httpContext.RequestAborted);
        }
    }
}
