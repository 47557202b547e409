using NcrsGateway.Audit.Journal;

namespace NcrsGateway.Audit.Tests;

public sealed class DirectorySyncTests
{
    [Fact]
    public void Flush_ExistingDirectory_Succeeds_AndMissingDirectory_FailsLoudly()
    {
        var directory = Directory.CreateTempSubdirectory("ncrs-dirsync-").FullName;

        DirectorySync.Flush(directory);

        Directory.Delete(directory);
        Assert.Throws<IOException>(() => DirectorySync.Flush(directory));
    }
}
