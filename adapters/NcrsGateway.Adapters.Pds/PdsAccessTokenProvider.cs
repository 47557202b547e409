using Microsoft.Extensions.Options;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Pds;

/// <summary>
/// Default token provider: the configured static token. Production deployments register their own
/// keyed <see cref="IUpstreamTokenProvider"/> for "pds" (NHS signed-JWT application-restricted flow).
/// </summary>
internal sealed class PdsAccessTokenProvider(IOptionsMonitor<PdsOptions> options) : IUpstreamTokenProvider
{
    public ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(options.CurrentValue.AccessToken);
}
