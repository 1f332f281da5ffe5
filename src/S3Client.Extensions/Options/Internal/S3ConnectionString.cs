namespace S3Client.Options.Internal;

/// <summary>
/// Reads an S3 connection string, as orchestrators such as .NET Aspire hand them to apps:
/// <c>Endpoint=http://127.0.0.1:9000;Region=us-east-1;AccessKeyId=...;SecretAccessKey=...</c> (also <c>SessionToken</c>
/// and <c>AddressingStyle</c>; keys are case-insensitive, values may contain <c>=</c>), or a bare endpoint URL.
/// </summary>
internal static class S3ConnectionString
{
    /// <summary>Sets the options the connection string names; the others are left as they are.</summary>
    /// <exception cref="FormatException">A part is not <c>Key=Value</c>, the key is unknown, or a value is invalid; the message never holds a value.</exception>
    public static void Apply(string connectionString, S3ClientOptions options)
    {
        if (Uri.TryCreate(connectionString.Trim(), UriKind.Absolute, out var bare) && bare.Scheme is "http" or "https")
        {
            options.ServiceUrl = bare;
            return;
        }

        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException("A part of the connection string is not Key=Value (parts are separated by ';').");
            }

            var key = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            switch (key.ToUpperInvariant())
            {
                case "ENDPOINT" or "SERVICEURL":
                    options.ServiceUrl = Uri.TryCreate(value, UriKind.Absolute, out var url)
                        ? url
                        : throw new FormatException($"The connection string's {key} is not an absolute URL.");
                    break;
                case "REGION": options.Region = value; break;
                case "ACCESSKEYID" or "ACCESSKEY": options.AccessKeyId = value; break;
                case "SECRETACCESSKEY" or "SECRETKEY": options.SecretAccessKey = value; break;
                case "SESSIONTOKEN": options.SessionToken = value; break;
                case "ADDRESSINGSTYLE":
                    options.AddressingStyle = Enum.TryParse<S3AddressingStyle>(value, ignoreCase: true, out var style)
                        ? style
                        : throw new FormatException($"The connection string's AddressingStyle must be one of {string.Join(", ", Enum.GetNames<S3AddressingStyle>())}.");
                    break;
                default:
                    var known = new[] { "Endpoint", "Region", "AccessKeyId", "SecretAccessKey", "SessionToken", "AddressingStyle" };
                    var suggestion = EditDistance.Suggest(key, known);
                    throw new FormatException($"The connection string has an unknown key '{key}'" +
                        (suggestion is null ? $"; the keys are {string.Join(", ", known)}." : $"; did you mean '{suggestion}'?"));
            }
        }
    }
}
