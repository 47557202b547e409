namespace NcrsGateway.Audit;

/// <summary>The absolute audit data directory (journal, SQLite file, development key file).</summary>
internal sealed record AuditDataDirectory(string Path);
