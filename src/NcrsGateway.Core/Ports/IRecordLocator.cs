using NcrsGateway.Core.Model;

namespace NcrsGateway.Core.Ports;

/// <summary>
/// A national record locator. Implementations throw <see cref="Errors.GatewayException"/> for every
/// failure. A patient with no pointers is an empty result, not an error; superseded pointers are never
/// returned alongside the pointer that replaced them.
/// </summary>
public interface IRecordLocator
{
    Task<PointerSearchResult> SearchAsync(PointerSearchQuery query, RequestContext context, CancellationToken cancellationToken);

    Task<DocumentPointer> ReadAsync(string pointerId, RequestContext context, CancellationToken cancellationToken);
}
