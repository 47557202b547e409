using Microsoft.Extensions.Options;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Immunisation;

/// <summary>
/// Default token provider: the configured static token. Production deployments register their own keyed
/// <see cref="IUpstreamTokenProvider"/> for "immunisation" (NHS signed-JWT application-restricted flow).
/// </summary>
internal sealed class ImmunisationAccessTokenProvider(IOptionsMonitor<ImmunisationOptions> options) : IUpstreamTokenProvider
{
    public ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(options.CurrentValue.AccessToken);
}
