namespace S3Client;

/// <summary>Returns the clients registered with <c>AddS3Client(name, ...)</c> by name.</summary>
public interface IS3ClientFactory
{
    /// <summary>Returns the client registered under <paramref name="name"/> (empty for the default client).</summary>
    /// <param name="name">The client name.</param>
    /// <returns>The shared client of that name.</returns>
    /// <exception cref="InvalidOperationException">No client of that name is registered.</exception>
    IS3Client GetClient(string name);
}
