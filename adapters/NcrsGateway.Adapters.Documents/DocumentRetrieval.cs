using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Documents;

/// <summary>
/// The documents adapter's <see cref="IDocumentRetrieval"/>: chooses the URL (<see cref="DocumentTargetResolver"/>: the
/// allow-list, or the Spine Secure Proxy) and streams the document through YARP (<see cref="DocumentForwarder"/>) into
/// the response of the request being served (<see cref="IHttpContextAccessor"/>: YARP forwards one HTTP exchange to another).
/// </summary>
internal sealed class DocumentRetrieval(DocumentTargetResolver resolver, DocumentForwarder forwarder, IHttpContextAccessor exchange) : IDocumentRetrieval
{
    public Task StreamAsync(DocumentContent content, string pointerId, RequestContext context, CancellationToken cancellationToken)
    {
        var http = exchange.HttpContext
            ?? throw new InvalidOperationException("Document retrieval streams into a caller's response, and there is no request being served.");
        cancellationToken.ThrowIfCancellationRequested();
        var target = resolver.Resolve(content);
        return forwarder.ForwardAsync(http, target, context, pointerId);
    }
}
