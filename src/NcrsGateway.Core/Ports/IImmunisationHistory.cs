using NcrsGateway.Core.Model.Immunisations;

namespace NcrsGateway.Core.Ports;

/// <summary>
/// A national immunisation history service. Implementations throw <see cref="Errors.GatewayException"/> for every
/// failure; a patient with no vaccination of the requested types is a "not recorded" result, never an error, and
/// an upstream error is never turned into an empty result.
/// </summary>
public interface IImmunisationHistory
{
    Task<ImmunisationSearchResult> SearchAsync(ImmunisationSearchQuery query, RequestContext context, CancellationToken cancellationToken);
}
