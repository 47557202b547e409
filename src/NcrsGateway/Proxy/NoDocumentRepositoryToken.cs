using NcrsGateway.Core.Ports;

namespace NcrsGateway.Proxy;

/// <summary>
/// Default keyed <see cref="IUpstreamTokenProvider"/> for <c>document-repository</c>: no bearer token (the
/// sandbox repository and SSP deployments that authenticate by mutual TLS need none). A deployment whose
/// repositories want a token registers its own provider under that key before <c>AddDocumentProxy</c>.
/// </summary>
internal sealed class NoDocumentRepositoryToken : IUpstreamTokenProvider
{
    public ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}
