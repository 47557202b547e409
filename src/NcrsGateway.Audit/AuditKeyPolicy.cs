namespace NcrsGateway.Audit;

/// <summary>
/// Whether missing keys may be generated and kept in a key file under the data directory. Only the host's
/// wiring decides (Development or sandbox); production must configure both keys.
/// </summary>
internal sealed record AuditKeyPolicy(bool AllowGeneratedKeys);
