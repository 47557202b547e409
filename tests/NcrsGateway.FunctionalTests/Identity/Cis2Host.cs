using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Core.Audit;
using NcrsGateway.Tests.Common;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace NcrsGateway.FunctionalTests.Identity;

/// <summary>
/// A real gateway (Kestrel, sandbox upstreams) with <c>Authentication:Cis2</c> on, test-key tokens, a capturing audit
/// trail, and WireMock standing in for CIS2's UserInfo endpoint (each test scripts the answer for its own token).
/// </summary>
public sealed class Cis2Host : IAsyncLifetime
{
    public const string UserInfoPath = "/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare/userinfo";

    public WireMockServer UserInfo { get; } = WireMockServer.Start();

    public InMemoryAuditTrail Audit { get; } = new();

    public GatewayHost Host { get; private set; } = null!;

    /// <summary>The role map every test here runs with.</summary>
    public static Dictionary<string, string?> Settings(string userInfoEndpoint) => new(TestTokens.Settings())
    {
        ["Authentication:RequireHttpsMetadata"] = "false",
        ["Authentication:Cis2:Enabled"] = "true",
        ["Authentication:Cis2:UserInfoEndpoint"] = userInfoEndpoint,
        ["Authentication:Cis2:RoleMap:R8000"] = "clinician",     // Clinical Practitioner Access Role
        ["Authentication:Cis2:RoleMap:R8008"] = "reader",        // Admin/Clinical Support Access Role
        ["Authentication:Cis2:RoleMap:B0264"] = "clinician",     // activity: access to the Summary Care Record
        ["Authentication:Cis2:RoleMap:B0018"] = "auditor",       // activity: audit
    };

    public async Task InitializeAsync() =>
        Host = await GatewayHost.StartAsync(Settings(UserInfo.Url + UserInfoPath), b => b.Services.AddSingleton<IAuditTrail>(Audit));

    /// <summary>UserInfo answers <paramref name="body"/> (or <paramref name="status"/>) to <paramref name="token"/> only.</summary>
    public void AnswerUserInfo(string token, string? body, int status = 200) =>
        UserInfo.Given(Request.Create().WithPath(UserInfoPath).UsingGet().WithHeader("Authorization", "Bearer " + token))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body ?? "{}"));

    /// <summary>How many times UserInfo was asked with <paramref name="token"/>.</summary>
    public int UserInfoCalls(string token) =>
        UserInfo.LogEntries.Count(e => e.RequestMessage.Headers is { } h && h.TryGetValue("Authorization", out var v) && v.Contains("Bearer " + token));

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        UserInfo.Stop();
    }
}
