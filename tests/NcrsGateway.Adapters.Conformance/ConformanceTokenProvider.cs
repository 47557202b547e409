using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Conformance;

/// <summary>The token provider the kit registers under the adapter's key: its token must be the one on the wire.</summary>
internal sealed class ConformanceTokenProvider(string token) : IUpstreamTokenProvider
{
    public ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(token);
}
