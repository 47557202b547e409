using Microsoft.Extensions.Options;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Nrl;

/// <summary>
/// Default token provider: the configured static token. Production deployments register their own
/// keyed <see cref="IUpstreamTokenProvider"/> for "nrl" (NHS signed-JWT application-restricted flow).
/// </summary>
internal sealed class NrlAccessTokenProvider(IOptionsMonitor<NrlOptions> options) : IUpstreamTokenProvider
{
    public ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(options.CurrentValue.AccessToken);
}
