using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NcrsGateway.Core.Audit;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.ClinicalContext;

/// <summary>
/// One real gateway (Kestrel, port 0, sandbox PDS) per test class: test-token settings, a fake clock that
/// starts at the real time (so bearer tokens stay valid) and a capturing audit trail.
/// </summary>
public sealed class ClinicalContextHost : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public InMemoryAuditTrail Audit { get; } = new();

    public GatewayHost Host { get; private set; } = null!;

    public int UpstreamCalls => Host.Services.GetRequiredService<SandboxUpstreams>().Server.LogEntries.Count();

    public async Task InitializeAsync() =>
        Host = await GatewayHost.StartAsync(TestTokens.Settings(), builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(Time);
            builder.Services.AddSingleton<IAuditTrail>(Audit);
        });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
