using Hl7.Fhir.Model;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Immunisations;

/// <summary>Searches the patient's national immunisation history and builds the searchset (no HTTP types: the endpoint writes it).</summary>
internal sealed class ImmunisationService(IImmunisationHistory history, TimeProvider time)
{
    /// <param name="query">A validated search.</param>
    /// <param name="context">The caller and correlation, passed to the national API.</param>
    /// <param name="baseUrl">The gateway's FHIR base URL (no trailing slash) for the bundle's links.</param>
    /// <param name="cancellationToken">The request's.</param>
    public async Task<Bundle> SearchAsync(ImmunisationSearchQuery query, RequestContext context, string baseUrl, CancellationToken cancellationToken)
    {
        var result = await history.SearchAsync(query, context, cancellationToken).ConfigureAwait(false);
        return ImmunisationBundleBuilder.Build(result, query, baseUrl, time.GetUtcNow());
    }
}
