namespace S3Client.Samples.Cli;

/// <summary>The process exit codes, for scripts.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>S3 refused the request (the error code and request id are printed), or the network or a file failed.</summary>
    public const int Failed = 1;

    /// <summary>The command line or the configuration is wrong; nothing was sent.</summary>
    public const int Usage = 2;

    /// <summary>Ctrl+C: 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;
}
