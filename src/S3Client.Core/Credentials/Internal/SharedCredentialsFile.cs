namespace S3Client.Credentials.Internal;

/// <summary>Reads one profile of the INI-style shared credentials file (<c>[profile]</c>, <c>key = value</c>, <c>#</c>/<c>;</c> comments).</summary>
internal static class SharedCredentialsFile
{
    public static S3Credentials? Read(string path, string profile)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        string? keyId = null, secret = null, token = null;
        var inProfile = false;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                var name = line[1..^1].Trim();
                inProfile = name == profile || name == "profile " + profile;
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (!inProfile || equals < 0)
            {
                continue;
            }

            var value = line[(equals + 1)..].Trim();
            switch (line[..equals].Trim().ToUpperInvariant())
            {
                case "AWS_ACCESS_KEY_ID": keyId = value; break;
                case "AWS_SECRET_ACCESS_KEY": secret = value; break;
                case "AWS_SESSION_TOKEN": token = value; break;
            }
        }

        return string.IsNullOrWhiteSpace(keyId) || string.IsNullOrEmpty(secret) ? null : new S3Credentials(keyId, secret, token);
    }
}
