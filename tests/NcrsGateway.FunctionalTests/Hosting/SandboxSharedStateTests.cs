using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Hosting;

/// <summary>
/// Issue 14 item 1: the sandbox host shares no state with any other gateway. Run as a real process, it refuses audit
/// keys, an audit store, an audit folder outside its own, Redis, the cache secret and a configured audience: exit code 1,
/// one <c>Configuration error:</c> line per key, naming it, no stack trace.
/// </summary>
public sealed class SandboxSharedStateTests
{
    private static readonly string Key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static TheoryData<string, string> SharedState => new()
    {
        { "Audit:EncryptionKey", Key },
        { "Audit:HashKey", Key },
        { "Audit:Provider", "Postgres" },
        { "Audit:PostgresConnectionString", "Host=audit.trust.nhs.uk;Database=audit;Username=gateway" },
        { "Audit:DataDirectory", "/var/lib/ncrs-gateway/audit" },
        { "Audit:DataDirectory", "sandbox-data/../data" },
        { "Redis:Configuration", "redis.trust.nhs.uk:6380,ssl=true" },
        { "Redis:InstanceName", "ncrs:" },
        { "Cache:KeyHashSecret", "production-cache-key-hash-secret-0123456789" },
        { "Authentication:Audience", "ncrs-gateway" },
    };

    [Theory]
    [MemberData(nameof(SharedState))]
    public async Task SandboxProcess_WithSharedStateSetting_ExitsWithOneConfigurationErrorNamingIt(string key, string value)
    {
        var (exitCode, _, stderr) = await GatewayProcess.RunToExitAsync([$"--{key}={value}"], project: GatewayProcess.SandboxHost);

        var line = Assert.Single(Lines(stderr));
        Assert.Equal(1, exitCode);
        Assert.StartsWith($"Configuration error: Sandbox:Enabled=true cannot be combined with {key}: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain(value, line, StringComparison.Ordinal); // a secret is never echoed
    }

    [Fact]
    public async Task SandboxProcess_WithEveryProductionStateSetting_PrintsOneLineEach_WithoutStackTrace()
    {
        var settings = SharedState.Select(row => ((string)row[0], (string)row[1])).DistinctBy(s => s.Item1).ToList();

        var (exitCode, stdout, stderr) = await GatewayProcess.RunToExitAsync(
            settings.Select(s => $"--{s.Item1}={s.Item2}"), project: GatewayProcess.SandboxHost);

        var lines = Lines(stderr);
        Assert.Equal(1, exitCode);
        Assert.Equal(settings.Select(s => s.Item1).Order(StringComparer.Ordinal), lines.Select(KeyOf).Order(StringComparer.Ordinal));
        Assert.All(lines, l => Assert.StartsWith("Configuration error: Sandbox:Enabled=true cannot be combined with ", l, StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sandbox_TokensCarryAnAudienceItGeneratedItself_DifferentInEveryProcess()
    {
        await using var first = await GatewayHost.StartAsync();
        await using var second = await GatewayHost.StartAsync();

        var audience = await SandboxTokenAudienceAsync(first);
        var other = await SandboxTokenAudienceAsync(second);

        Assert.StartsWith("ncrs-gateway-sandbox-", audience, StringComparison.Ordinal);
        Assert.NotEqual(audience, other);
    }

    private static async Task<string> SandboxTokenAudienceAsync(GatewayHost host)
    {
        using var anonymous = host.CreateClient();
        using var issued = await anonymous.PostAsync("sandbox/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = "demo-auditor" }));
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        using var body = JsonDocument.Parse(await issued.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("access_token").GetString()!;
        using var auditor = host.CreateClient(token);
        using var search = await auditor.GetAsync("fhir/AuditEvent"); // the sandbox accepts its own token
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        return Assert.Single(new JsonWebToken(token).Audiences);
    }

    private static string KeyOf(string line) =>
        line["Configuration error: Sandbox:Enabled=true cannot be combined with ".Length..].Split(':', 3) is var parts ? parts[0] + ":" + parts[1] : line;

    private static List<string> Lines(string stderr) =>
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
