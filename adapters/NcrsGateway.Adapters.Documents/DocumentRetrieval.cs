using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Documents;

/// <summary>
/// The documents adapter's <see cref="IDocumentRetrieval"/>: chooses the URL (<see cref="DocumentTargetResolver"/>: the
/// allow-list, or the Spine Secure Proxy) and streams the document through YARP (<see cref="DocumentForwarder"/>).
/// </summary>
internal sealed class DocumentRetrieval(DocumentTargetResolver resolver, DocumentForwarder forwarder) : IDocumentRetrieval
{
    public Task StreamAsync(DocumentContent content, string pointerId, RequestContext context, HttpContext http)
    {
        var target = resolver.Resolve(content);
        return forwarder.ForwardAsync(http, target, context, pointerId);
    }
}
