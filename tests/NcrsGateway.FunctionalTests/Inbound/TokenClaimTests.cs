using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Core.Audit;
using NcrsGateway.FunctionalTests.ClinicalContext;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Inbound;

/// <summary>
/// Issue 9 items 8 and 10: a signed token is not enough. It must name its user (<c>sub</c>); its identity claims
/// must be free of control characters and markup (they reach upstream headers and the audit trail); it may not have
/// been issued for longer than <c>Authentication:MaxTokenLifetime</c> (default 12 h, from the later of iat and nbf),
/// nor claim an iat in the future. Otherwise: 401.
/// </summary>
public sealed class TokenClaimTests(ClinicalContextHost fixture) : IClassFixture<ClinicalContextHost>
{
    [Fact]
    public async Task TokenWithoutSub_IsRefused401AndReadsNothing()
    {
        var claims = InboundTokens.Claims(TestTokens.Clinician, "ws-no-sub");
        claims.Remove("sub");
        using var client = fixture.Host.CreateClient(InboundTokens.Mint(claims));
        var before = fixture.UpstreamCalls;

        using var read = await client.GetAsync($"fhir/Patient/{SandboxPatients.Search}");
        using var select = await client.PostAsync("fhir/Patient/$select", ClinicalContextClient.Fhir(ClinicalContextClient.SelectBody(SandboxPatients.Search)));

        AssertUnauthenticated(new ClinicalContextClient.Answer(read.StatusCode, await read.Content.ReadAsStringAsync()));
        AssertUnauthenticated(new ClinicalContextClient.Answer(select.StatusCode, await select.Content.ReadAsStringAsync()));
        Assert.Equal(before, fixture.UpstreamCalls);
        Assert.DoesNotContain(fixture.Audit.Records, r => r.UserId is null && r.Outcome == AuditOutcome.Success);
    }

    [Theory]
    [InlineData("sub", "user-1\r\nX-Injected: yes")]
    [InlineData("sub", "user-1\n")]
    [InlineData("sub", "<script>alert(1)</script>")]
    [InlineData("sub", "")]
    [InlineData("ods", "Y12345\r\nX-Injected: yes")]
    [InlineData("ods", "Y12345\n")]
    [InlineData("ods", "<b>Y12345</b>")]
    [InlineData("workstation", "ws-1\r\nX-Injected: yes")]
    [InlineData("workstation", "ws-1\t")]
    [InlineData("workstation", "<img src=x onerror=alert(1)>")]
    public async Task TokenWithUnsafeIdentityClaim_IsRefused401(string claim, string value)
    {
        var claims = InboundTokens.Claims(TestTokens.Clinician, "ws-claims");
        claims[claim] = value;
        using var client = fixture.Host.CreateClient(InboundTokens.Mint(claims));

        using var read = await client.GetAsync($"fhir/Patient/{SandboxPatients.Search}");

        AssertUnauthenticated(new ClinicalContextClient.Answer(read.StatusCode, await read.Content.ReadAsStringAsync()));
        Assert.DoesNotContain(fixture.Audit.Records, r => r.UserId == value || r.OrganisationOds == value || r.WorkstationId == value);
    }

    [Theory]
    [InlineData("user@example.org")]
    [InlineData("auth0|5f7c8ec7c33c6c004bbafe82")]
    [InlineData("910000000001")]
    public async Task TokenWithOrdinarySub_IsAccepted(string sub)
    {
        var claims = InboundTokens.Claims(TestTokens.Clinician, "ws-claims");
        claims["sub"] = sub;
        using var client = fixture.Host.CreateClient(InboundTokens.Mint(claims));

        using var read = await client.GetAsync($"fhir/Patient/{SandboxPatients.Search}");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task MaxTokenLifetime_RefusesLongerLivedTokensAndThoseItCannotMeasure()
    {
        var settings = TestTokens.Settings();
        settings["Authentication:MaxTokenLifetime"] = "01:00:00";
        await using var host = await GatewayHost.StartAsync(settings, b => b.Services.AddSingleton<IAuditTrail>(new InMemoryAuditTrail()));
        var now = DateTime.UtcNow.AddMinutes(-1);
        var claims = InboundTokens.Claims(TestTokens.Clinician, "ws-lifetime");

        var withinIat = await ReadStatusAsync(host, InboundTokens.Mint(claims, now, now, now.AddMinutes(60)));
        var withinNbfOnly = await ReadStatusAsync(host, InboundTokens.Mint(claims, null, now, now.AddMinutes(30)));
        var tooLong = await ReadStatusAsync(host, InboundTokens.Mint(claims, now, now, now.AddHours(12)));
        var tooLongNbfOnly = await ReadStatusAsync(host, InboundTokens.Mint(claims, null, now, now.AddHours(2)));
        var unmeasurable = await ReadStatusAsync(host, InboundTokens.Mint(claims, null, null, now.AddMinutes(30)));

        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized),
            (withinIat, withinNbfOnly, tooLong, tooLongNbfOnly, unmeasurable));
    }

    [Fact]
    public async Task DefaultMaxTokenLifetime_AcceptsATwelveHourTokenAndRefusesALongerOne()
    {
        var now = DateTime.UtcNow.AddMinutes(-1);
        var claims = InboundTokens.Claims(TestTokens.Clinician, "ws-lifetime");

        var shift = await ReadStatusAsync(fixture.Host, InboundTokens.Mint(claims, now, now, now.AddHours(12)));
        var longer = await ReadStatusAsync(fixture.Host, InboundTokens.Mint(claims, now, now, now.AddHours(13)));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (shift, longer));
    }

    [Fact]
    public async Task MaxTokenLifetime_IsMeasuredFromTheLaterOfIatAndNbf_AndAFutureIatIsRefused()
    {
        var settings = TestTokens.Settings();
        settings["Authentication:MaxTokenLifetime"] = "01:00:00";
        await using var host = await GatewayHost.StartAsync(settings, b => b.Services.AddSingleton<IAuditTrail>(new InMemoryAuditTrail()));
        var now = DateTime.UtcNow;
        var claims = InboundTokens.Claims(TestTokens.Clinician, "ws-lifetime");

        // The reproduction: iat ten days ahead, so exp - iat is 30 minutes while the token is good for ten days.
        var futureIat = await ReadStatusAsync(host, InboundTokens.Mint(claims, now.AddDays(10), null, now.AddDays(10).AddMinutes(30)));
        var futureIatWithNbf = await ReadStatusAsync(host, InboundTokens.Mint(claims, now.AddDays(10), now.AddMinutes(-1), now.AddDays(10).AddMinutes(30)));
        var iatWithinSkew = await ReadStatusAsync(host, InboundTokens.Mint(claims, now.AddSeconds(10), now.AddMinutes(-1), now.AddMinutes(50)));
        var oldIatRecentNbf = await ReadStatusAsync(host, InboundTokens.Mint(claims, now.AddHours(-5), now.AddMinutes(-1), now.AddMinutes(50)));

        Assert.Equal(
            (HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.OK),
            (futureIat, futureIatWithNbf, iatWithinSkew, oldIatRecentNbf));
    }

    [Theory]
    [InlineData("00:00:10")]
    [InlineData("2.00:00:00")]
    public async Task Start_WithMaxTokenLifetimeOutOfRange_FailsNamingTheKey(string value)
    {
        var settings = TestTokens.Settings();
        settings["Authentication:MaxTokenLifetime"] = value;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => GatewayHost.StartAsync(settings));

        Assert.Contains("MaxTokenLifetime", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> ReadStatusAsync(GatewayHost host, string token)
    {
        using var client = host.CreateClient(token);
        using var response = await client.GetAsync($"fhir/Patient/{SandboxPatients.Search}");
        return response.StatusCode;
    }

    private static void AssertUnauthenticated(ClinicalContextClient.Answer answer)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("unauthenticated", answer.ErrorCode);
    }
}
