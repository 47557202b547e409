using NcrsGateway.Core;

namespace NcrsGateway.Adapters.Conformance.BrokenAdapter;

/// <summary>The <see cref="ProbeFlaws.NewRequestIdPerAttempt"/> defect: inside the retry loop, a new request ID on every attempt.</summary>
internal sealed class FreshRequestIdHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(KnownHeaders.RequestId);
        request.Headers.Add(KnownHeaders.RequestId, Guid.NewGuid().ToString());
        return base.SendAsync(request, cancellationToken);
    }
}
