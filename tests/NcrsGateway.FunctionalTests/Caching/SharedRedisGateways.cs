using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;
using NcrsGateway.Tests.Infrastructure;

namespace NcrsGateway.FunctionalTests.Caching;

/// <summary>Two gateway instances sharing one real Redis and one sandbox upstream (so upstream calls can be counted).</summary>
public sealed class SharedRedisGateways : IAsyncLifetime
{
    public const string KeyHashSecret = "functional-test-key-hash-secret-0123456789";

    public RedisServer Redis { get; private set; } = null!;

    public SandboxUpstreams Sandbox { get; private set; } = null!;

    public GatewayHost A { get; private set; } = null!;

    public GatewayHost B { get; private set; } = null!;

    public string InstanceName { get; } = "t" + Guid.NewGuid().ToString("N")[..8] + ":";

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        Sandbox = SandboxUpstreams.Start();
        A = await GatewayHost.StartAsync(Settings(Redis, Sandbox, InstanceName));
        B = await GatewayHost.StartAsync(Settings(Redis, Sandbox, InstanceName));
    }

    public static Dictionary<string, string?> Settings(RedisServer redis, SandboxUpstreams sandbox, string instanceName, bool rateLimits = false) => new()
    {
        ["Redis:Configuration"] = redis.Configuration,
        ["Redis:InstanceName"] = instanceName,
        ["Cache:KeyHashSecret"] = KeyHashSecret,
        ["Adapters:Pds:BaseUrl"] = sandbox.PdsBaseUrl.ToString(),
        ["Adapters:Pds:AccessToken"] = "sandbox-token",
        ["RateLimits:Enabled"] = rateLimits ? "true" : "false",
    };

    /// <summary>Upstream PDS reads of this NHS number so far.</summary>
    public int UpstreamReadsOf(string nhsNumber) =>
        Sandbox.Server.LogEntries.Count(e => e.RequestMessage.Path.EndsWith("/Patient/" + nhsNumber, StringComparison.Ordinal));

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        Sandbox.Dispose();
        await Redis.DisposeAsync();
    }
}
