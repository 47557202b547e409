using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using NcrsGateway.Audit;
using NcrsGateway.Audit.Crypto;
using NcrsGateway.Tests.Infrastructure;

namespace NcrsGateway.Audit.Tests;

public sealed class AuditStoreHealthCheckTests
{
    [Fact]
    public async Task Check_StoreReachable_IsHealthy_AndStoreDown_IsDegradedNamingTheLaunchImpact()
    {
        using var folder = TempFolder.Create("ncrs-audit-health-");
        var directory = folder.Path;
        var store = new AuditTrailTests.UnavailableStore();
        await using var trail = new AuditTrail(store, new PatientProtector(AuditKeys.Generate()), new AuditOptions(), directory, TimeProvider.System, NullLogger<AuditTrail>.Instance);
        var check = new AuditStoreHealthCheck(store, trail);

        var healthy = await check.CheckHealthAsync(new HealthCheckContext());
        store.Down = true;
        var degraded = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Contains("NCRS launches are refused", degraded.Description, StringComparison.Ordinal);
    }
}
