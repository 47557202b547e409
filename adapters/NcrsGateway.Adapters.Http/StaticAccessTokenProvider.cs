using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Http;

/// <summary>
/// The one default <see cref="IUpstreamTokenProvider"/> every adapter registers under its key: a token read from
/// configuration on each call (an adapter's static <see cref="UpstreamOptions.AccessToken"/>), or none. Production
/// deployments register their own provider under the same key first (NHS signed-JWT application-restricted flow);
/// the adapters register this one with <c>TryAdd</c>, so theirs wins.
/// </summary>
public sealed class StaticAccessTokenProvider(Func<string?> token) : IUpstreamTokenProvider
{
    /// <summary>Sends no bearer token (e.g. repositories that authenticate the gateway by mutual TLS).</summary>
    public static StaticAccessTokenProvider None { get; } = new(() => null);

    public ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token());
}
