using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Audit;

/// <summary>A sandbox gateway with test authentication (X-Test-User / X-Test-Role / X-Test-Ods).</summary>
public sealed class AuditGatewayFixture : IAsyncLifetime
{
    private GatewayHost? _host;

    public GatewayHost Host => _host ?? throw new InvalidOperationException("Fixture not started.");

    public async Task InitializeAsync() => _host = await GatewayHost.StartAsync(configure: TestAuth.Use);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
