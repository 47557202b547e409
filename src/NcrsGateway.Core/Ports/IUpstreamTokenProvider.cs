namespace NcrsGateway.Core.Ports;

/// <summary>
/// Supplies the bearer token an adapter sends upstream. Registered as a keyed service per upstream
/// (key = <see cref="Model.SourceServices"/> name) so each adapter can use its own auth flow.
/// </summary>
public interface IUpstreamTokenProvider
{
    ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken);
}
