namespace NcrsGateway.Audit;

/// <summary>
/// The audit data directory and its files are private to the gateway's user: the directory is created 0700, the
/// database and journal segments 0600 (on Unix; Windows relies on the directory's ACL). An existing directory's mode
/// is left as the operator set it.
/// </summary>
internal static class AuditFiles
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, DirectoryMode);
    }

    /// <summary>Creates <paramref name="path"/> empty with mode 0600 when it does not exist yet (an existing file is untouched).</summary>
    public static void EnsurePrivateFile(string path)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.OpenOrCreate, Access = FileAccess.Write, Share = FileShare.ReadWrite };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        using var stream = new FileStream(path, options);
    }
}
