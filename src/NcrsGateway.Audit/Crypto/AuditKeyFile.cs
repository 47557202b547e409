using System.Text.Json;
using NcrsGateway.Storage;

namespace NcrsGateway.Audit.Crypto;

/// <summary>
/// The generated key file (<c>audit-keys.json</c>) used only when keys are not configured in Development or
/// sandbox. Created once with owner-only permissions and reused, so rows stay readable across restarts.
/// </summary>
internal static class AuditKeyFile
{
    public const string FileName = "audit-keys.json";

    public static AuditKeys LoadOrCreate(string dataDirectory, out bool created)
    {
        PrivateFiles.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            created = false;
            var stored = JsonSerializer.Deserialize(File.ReadAllText(path), AuditJsonContext.Default.StoredKeys)
                ?? throw new InvalidOperationException($"The audit key file {path} is empty.");
            return AuditKeys.FromBase64(stored.EncryptionKey, stored.HashKey);
        }

        var keys = AuditKeys.Generate();
        var json = JsonSerializer.Serialize(new StoredKeys(Convert.ToBase64String(keys.EncryptionKey), Convert.ToBase64String(keys.HashKey)), AuditJsonContext.Default.StoredKeys);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFiles.FileMode;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(json);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        created = true;
        return keys;
    }

    internal sealed record StoredKeys(string EncryptionKey, string HashKey);
}
