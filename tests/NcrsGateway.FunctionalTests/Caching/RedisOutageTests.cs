using System.Net;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;
using NcrsGateway.Tests.Infrastructure;

namespace NcrsGateway.FunctionalTests.Caching;

/// <summary>Redis is optional at run time: losing it mid-traffic fails no request and reports Degraded.</summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private static readonly string[] Patients = [SandboxPatients.Search, SandboxPatients.Minimal, SandboxPatients.Restricted, SandboxPatients.SameFamily];
    private RedisServer _redis = null!;
    private SandboxUpstreams _sandbox = null!;
    private GatewayHost _a = null!;
    private GatewayHost _b = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _sandbox = SandboxUpstreams.Start();
        var instance = "o" + Guid.NewGuid().ToString("N")[..8] + ":";
        _a = await GatewayHost.StartAsync(SharedRedisGateways.Settings(_redis, _sandbox, instance, rateLimits: true));
        _b = await GatewayHost.StartAsync(SharedRedisGateways.Settings(_redis, _sandbox, instance, rateLimits: true));
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        _sandbox.Dispose();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task RedisKilledMidTraffic_NoRequestFailsAndReadinessIsDegraded()
    {
        using var clientA = _a.CreateClinicianClient();
        using var clientB = _b.CreateClinicianClient();
        Assert.Equal("Healthy", await clientA.GetStringAsync("health/ready"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await (i % 2 == 0 ? clientA : clientB).GetAsync($"fhir/Patient/{Patients[i % Patients.Length]}");
            statuses.Add(response.StatusCode);
        }

        _redis.Kill();

        for (var i = 0; i < 24; i++)
        {
            using var response = await (i % 2 == 0 ? clientA : clientB).GetAsync($"fhir/Patient/{Patients[i % Patients.Length]}");
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        using var ready = await clientB.GetAsync("health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
    }
}
