using NcrsGateway.Hosting;

namespace NcrsGateway.Sandbox.Host;

/// <summary>
/// What the sandbox refuses at start, one <c>Configuration error:</c> line per configured key: anything that would let
/// it run beside a real upstream, accept production authentication, or share state with another gateway (audit keys
/// and store, an audit folder outside its own, Redis, the cache secret, an audience it did not generate).
/// </summary>
internal static class SandboxRefusals
{
    /// <summary>The sandbox's own audit folder (relative to the content root); a folder inside it may be configured.</summary>
    public const string AuditDataDirectory = "sandbox-data";

    private const string Upstream = "the sandbox never runs beside real upstreams";
    private const string Authentication = "the sandbox signs its own demo tokens and never accepts production authentication";

    /// <summary>Keys refused whatever their value, each with the reason its line gives.</summary>
    private static readonly (string Key, string Reason)[] SharedState =
    [
        ("Authentication:Authority", Authentication),
        ("Authentication:SigningKey", Authentication),
        ("Authentication:Issuer", Authentication),
        ("Authentication:Audience", "the sandbox generates its own audience at start, shared with no other gateway"),
        ("Audit:EncryptionKey", "the sandbox generates its own audit keys, so it can never read another gateway's audit rows"),
        ("Audit:HashKey", "the sandbox generates its own audit keys, so it can never read another gateway's audit rows"),
        ("Audit:Provider", "the sandbox keeps its audit rows in its own SQLite file, never in another gateway's audit store"),
        ("Audit:PostgresConnectionString", "the sandbox keeps its audit rows in its own SQLite file, never in another gateway's audit store"),
        ("Cache:KeyHashSecret", "the sandbox uses no shared cache, so it needs no cache key secret"),
    ];

    private const string RedisSection = "Redis";
    private const string RedisReason = "the sandbox never uses Redis, so its patients, selections and rate limits never mix with another gateway's";

    /// <summary>One error per refused key that is set, in a stable order: real upstreams, then shared state.</summary>
    public static IReadOnlyList<string> Find(IConfiguration config, IReadOnlyList<ISandboxSimulator> simulators, string contentRoot)
    {
        var refused = simulators
            .SelectMany(s => s.RealServiceKeys.Select(k => (Key: ConfigurationPath.Combine(s.ConfigurationSection, k), Reason: Upstream)))
            .Concat(SharedState)
            .DistinctBy(r => r.Key, StringComparer.OrdinalIgnoreCase)
            .Where(r => IsSet(config.GetSection(r.Key)))
            .Concat(config.GetSection(RedisSection).AsEnumerable()
                .Where(e => !string.IsNullOrWhiteSpace(e.Value))
                .Select(e => (e.Key, Reason: RedisReason))
                .OrderBy(e => e.Key, StringComparer.Ordinal))
            .Select(r => Line(r.Key, r.Reason))
            .ToList();
        if (DataDirectoryOutsideOwn(config, contentRoot) is { } directoryKey)
        {
            refused.Add(Line(directoryKey, $"the sandbox writes audit files only in its own folder '{AuditDataDirectory}' (or a folder inside it), never another gateway's"));
        }

        return refused;
    }

    private static string Line(string key, string reason) =>
        $"{SandboxHosting.EnabledKey}=true cannot be combined with {key}: {reason}. Remove it, or run src/NcrsGateway";

    /// <summary><c>Audit:DataDirectory</c> when it is set to a folder that is neither the sandbox's own nor inside it.</summary>
    private static string? DataDirectoryOutsideOwn(IConfiguration config, string contentRoot)
    {
        const string key = "Audit:DataDirectory";
        var configured = config[key];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        var own = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(contentRoot, AuditDataDirectory)));
        var path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(contentRoot, configured)));
        var inside = path.Equals(own, StringComparison.Ordinal) || path.StartsWith(own + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return inside ? null : key;
    }

    private static bool IsSet(IConfigurationSection section) =>
        !string.IsNullOrWhiteSpace(section.Value) || section.GetChildren().Any(IsSet);
}
