namespace NcrsGateway.Tests.Infrastructure;

/// <summary>
/// A fresh folder under the temp directory that is deleted, with everything in it, on dispose. Declare it before
/// whatever writes into it (<c>using var folder = TempFolder.Create("ncrs-…-");</c>) so the writer is disposed first.
/// </summary>
public sealed class TempFolder : IDisposable
{
    private TempFolder(string path) => Path = path;

    public string Path { get; }

    public static TempFolder Create(string prefix) => new(Directory.CreateTempSubdirectory(prefix).FullName);

    /// <summary>A fresh folder inside <paramref name="parent"/> (created if missing), e.g. a folder a host requires its files under.</summary>
    public static TempFolder CreateIn(string parent, string prefix) =>
        new(Directory.CreateDirectory(System.IO.Path.Combine(parent, prefix + Guid.NewGuid().ToString("N")[..12])).FullName);

    /// <summary>Deletes <paramref name="path"/> and everything in it, if it is there.</summary>
    public static void Delete(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    public void Dispose() => Delete(Path);
}
