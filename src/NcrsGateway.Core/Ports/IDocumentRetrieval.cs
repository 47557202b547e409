using NcrsGateway.Core.Model;

namespace NcrsGateway.Core.Ports;

/// <summary>
/// Retrieves the document a pointer's content locates and streams it, unbuffered, into the response of the caller's
/// request it is called while serving (the implementation reaches that response through its host; nothing of it is
/// buffered or stored). The content comes from a pointer the <see cref="IRecordLocator"/> returned: callers can only
/// name a pointer id, never a URL. Implementations refuse a URL they may not fetch, and throw
/// <see cref="Errors.GatewayException"/> for every failure while nothing has been sent; once the body has started, a
/// failure aborts the response instead, so a truncated document never looks complete.
/// </summary>
public interface IDocumentRetrieval
{
    /// <param name="content">Which of the pointer's contents to fetch.</param>
    /// <param name="pointerId">The (validated) pointer id: the fallback file name, and what logs name.</param>
    /// <param name="context">The caller's correlation ID and organisation.</param>
    /// <param name="cancellationToken">The caller's request being aborted.</param>
    Task StreamAsync(DocumentContent content, string pointerId, RequestContext context, CancellationToken cancellationToken);
}
