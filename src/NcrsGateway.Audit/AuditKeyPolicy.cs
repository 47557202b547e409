namespace NcrsGateway.Audit;

/// <summary>
/// Whether missing keys may be generated and kept in a key file under the data directory. Only the host's
/// wiring decides (the sandbox only, whatever the environment); every other gateway must configure both keys.
/// </summary>
internal sealed record AuditKeyPolicy(bool AllowGeneratedKeys);
