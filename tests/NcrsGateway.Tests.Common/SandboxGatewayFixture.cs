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

    /// <summary>
    /// Sends GET <paramref name="url"/> with a fresh correlation ID and counts the upstream calls the sandbox then received
    /// carrying it: for tests that bad input is refused before any national API is called.
    /// </summary>
    public async Task<(HttpResponseMessage Response, int UpstreamCalls)> GetCorrelatedAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var correlationId = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Correlation-ID", correlationId);
        var response = await client.SendAsync(request).ConfigureAwait(false);
        return (response, UpstreamCallsFor(correlationId));
    }

    /// <summary>Upstream calls the sandbox received carrying this correlation ID.</summary>
    public int UpstreamCallsFor(string correlationId) => Sandbox.Server.LogEntries.Count(e =>
        e.RequestMessage.Headers is { } h && h.TryGetValue("X-Correlation-ID", out var v) && v.Contains(correlationId));
}
