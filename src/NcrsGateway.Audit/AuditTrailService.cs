using Microsoft.Extensions.Hosting;

namespace NcrsGateway.Audit;

/// <summary>Starts the trail with the host (schema, journal replay) and drains it on graceful shutdown.</summary>
internal sealed class AuditTrailService(AuditTrail trail) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => trail.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => trail.StopAsync(cancellationToken);
}
