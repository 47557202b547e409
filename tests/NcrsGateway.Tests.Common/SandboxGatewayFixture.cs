using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Sandbox;
using Xunit;

namespace NcrsGateway.Tests.Common;

/// <summary>One gateway host with its embedded sandbox upstreams, shared by a test class.</summary>
public sealed class SandboxGatewayFixture : IAsyncLifetime
{
    private GatewayHost? _host;

    public GatewayHost Host => _host ?? throw new InvalidOperationException("Fixture not started.");

    public SandboxUpstreams Sandbox => Host.Services.GetRequiredService<SandboxUpstreams>();

    public async Task InitializeAsync() => _host = await GatewayHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>Upstream calls the sandbox received carrying this correlation ID.</summary>
    public int UpstreamCallsFor(string correlationId) => Sandbox.Server.LogEntries.Count(e =>
        e.RequestMessage.Headers is { } h && h.TryGetValue("X-Correlation-ID", out var v) && v.Contains(correlationId));
}
