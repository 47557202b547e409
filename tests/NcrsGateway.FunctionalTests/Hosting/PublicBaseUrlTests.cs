using System.Net;
using NcrsGateway.Sandbox.Nrl;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Hosting;

/// <summary>
/// Issue 9 item 2: one caller's <c>Host</c> header never reaches another caller. Links come from
/// <c>Gateway:PublicBaseUrl</c> (required outside the sandbox, absolute https) or, in the sandbox, the server's own
/// listening address; <c>X-Forwarded-*</c> is honoured only from configured proxies.
/// </summary>
public sealed class PublicBaseUrlTests
{
    private const string Attacker = "attacker.example";

    private static string PointerSearch(string nhsNumber) =>
        $"fhir/DocumentReference?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|{nhsNumber}";

    [Fact]
    public async Task Sandbox_RequestWithAttackerHost_PutsNoAttackerLinkInTheNextUsersCachedAnswer()
    {
        await using var host = await GatewayHost.StartAsync();
        using var attacker = host.CreateClient(TestTokens.Mint(TestTokens.Clinician, "ws-a"));
        using var victim = host.CreateClient(TestTokens.Mint(TestTokens.SecondClinician, "ws-b"));

        using var poisoned = new HttpRequestMessage(HttpMethod.Get, PointerSearch(NrlSandboxPointers.PatientWithPointers));
        poisoned.Headers.Host = Attacker;
        using var first = await attacker.SendAsync(poisoned);
        using var second = await victim.GetAsync(PointerSearch(NrlSandboxPointers.PatientWithPointers));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("HIT", second.Headers.GetValues("X-Cache").Single());
        var body = await second.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Attacker, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Attacker, await first.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"\"{host.FhirBase}Binary/{NrlSandboxPointers.CrisisPlanId}\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideSandbox_RequestWithAttackerHost_LinksUseOnlyThePublicBaseUrl()
    {
        const string PublicBase = "https://gateway.trust.example.nhs.uk/fhir";
        const string Number = "9434765919";
        const string PointerId = "RA901-5d1c8e2f-3b4a-4c6d-9e0f-1a2b3c4d5e6f";
        using var nrl = new NrlUpstream();
        nrl.Server.Given(nrl.Search()).RespondWith(NrlUpstream.Fhir(NrlUpstream.SearchSet(NrlUpstream.Pointer(PointerId, Number, "https://repository.example.nhs.uk/doc.pdf"))));
        var settings = nrl.Settings();
        settings["Gateway:PublicBaseUrl"] = PublicBase;
        await using var host = await GatewayHost.StartAsync(settings);
        using var attacker = host.CreateClient(TestTokens.Mint(TestTokens.Clinician, "ws-a"));
        using var victim = host.CreateClient(TestTokens.Mint(TestTokens.SecondClinician, "ws-b"));

        using var poisoned = new HttpRequestMessage(HttpMethod.Get, PointerSearch(Number));
        poisoned.Headers.Host = Attacker;
        poisoned.Headers.Add("X-Forwarded-Host", Attacker);
        using var first = await attacker.SendAsync(poisoned);
        using var second = await victim.GetAsync(PointerSearch(Number));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("HIT", second.Headers.GetValues("X-Cache").Single());
        var body = await second.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Attacker, body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"\"{PublicBase}/Binary/{PointerId}\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "is required outside the sandbox")]
    [InlineData("http://gateway.trust.example.nhs.uk/fhir", "absolute https URL")]
    [InlineData("/fhir", "absolute https URL")]
    public async Task OutsideSandbox_PublicBaseUrlMissingOrNotHttps_RefusesToStart(string? value, string expected)
    {
        using var pds = new PdsUpstream();
        var settings = pds.Settings();
        settings["Gateway:PublicBaseUrl"] = value;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => GatewayHost.StartAsync(settings));

        Assert.Contains("PublicBaseUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForwardedFor_FromAProxyThatIsNotConfigured_IsIgnored()
    {
        await using var host = await GatewayHost.StartAsync(AnonymousLimitOfOne());

        var (first, second) = await TwoAnonymousCallsFromDifferentForwardedClientsAsync(host);

        Assert.Equal(HttpStatusCode.Unauthorized, first);
        Assert.Equal(HttpStatusCode.TooManyRequests, second); // both counted against the real peer, 127.0.0.1
    }

    [Fact]
    public async Task ForwardedFor_FromAConfiguredKnownProxy_IsHonoured()
    {
        var settings = AnonymousLimitOfOne();
        settings["Gateway:KnownProxies:0"] = "127.0.0.1";
        await using var host = await GatewayHost.StartAsync(settings);

        var (first, second) = await TwoAnonymousCallsFromDifferentForwardedClientsAsync(host);

        Assert.Equal(HttpStatusCode.Unauthorized, first);
        Assert.Equal(HttpStatusCode.Unauthorized, second); // a different client behind the proxy: its own bucket
    }

    [Theory]
    [InlineData("Gateway:KnownProxies:0", "proxy.example", "KnownProxies")]
    [InlineData("Gateway:KnownNetworks:0", "10.0.0.0/99", "KnownNetworks")]
    public async Task KnownProxySettings_ThatDoNotParse_RefuseToStart(string key, string value, string expected)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => GatewayHost.StartAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> AnonymousLimitOfOne() => new()
    {
        ["RateLimits:PerClient:TokenLimit"] = "1",
        ["RateLimits:PerClient:TokensPerPeriod"] = "1",
        ["RateLimits:PerClient:ReplenishmentPeriod"] = "00:10:00",
        ["RateLimits:PerOrganisation:TokenLimit"] = "100",
        ["RateLimits:PerOrganisation:TokensPerPeriod"] = "1",
    };

    private static async Task<(HttpStatusCode First, HttpStatusCode Second)> TwoAnonymousCallsFromDifferentForwardedClientsAsync(GatewayHost host)
    {
        using var client = host.CreateClient();
        using var one = new HttpRequestMessage(HttpMethod.Get, "fhir/AuditEvent");
        one.Headers.Add("X-Forwarded-For", "10.0.0.1");
        using var two = new HttpRequestMessage(HttpMethod.Get, "fhir/AuditEvent");
        two.Headers.Add("X-Forwarded-For", "10.0.0.2");
        using var first = await client.SendAsync(one);
        using var second = await client.SendAsync(two);
        return (first.StatusCode, second.StatusCode);
    }
}
