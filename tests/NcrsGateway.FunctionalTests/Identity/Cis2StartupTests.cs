using System.Net;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Identity;

/// <summary><c>Authentication:Cis2</c> is checked on start (unknown keys, missing endpoint, roles that do not exist), and an unreachable CIS2 is a 503.</summary>
public sealed class Cis2StartupTests
{
    [Theory]
    [InlineData("Authentication:Cis2:UserInfoEndpoint", null, "UserInfoEndpoint")]
    [InlineData("Authentication:Cis2:RoleMap:R8000", "doctor", "RoleMap")]
    [InlineData("Authentication:Cis2:RoleMap:R8000", "", "RoleMap")]
    [InlineData("Authentication:Cis2:UserInfoCacheSize", "0", "UserInfoCacheSize")]
    [InlineData("Authentication:Cis2:UserInfoCacheLifetime", "02:00:00", "UserInfoCacheLifetime")]
    [InlineData("Authentication:Cis2:UserInfoEndpint", "https://cis2.invalid/userinfo", "UserInfoEndpint")]
    public async Task Start_WithBadCis2Settings_FailsNamingTheKey(string key, string? value, string named)
    {
        var settings = Cis2Host.Settings("https://cis2.tests.invalid/userinfo");
        settings[key] = value;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => GatewayHost.StartAsync(settings));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserInfoUnreachable_IsRefused503OperationOutcome()
    {
        using var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there now
        await using var host = await GatewayHost.StartAsync(Cis2Host.Settings($"http://127.0.0.1:{port}/userinfo"));
        using var client = host.CreateClient(Cis2Tokens.Mint("555512345678", "role-1"));

        using var read = await client.GetAsync($"fhir/Patient/{SandboxPatients.Minimal}");

        var text = await FhirAssert.OutcomeAsync(read, HttpStatusCode.ServiceUnavailable, "identity-unavailable");
        Assert.Contains("Try again", text, StringComparison.Ordinal);
    }
}
