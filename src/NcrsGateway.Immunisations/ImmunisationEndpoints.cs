using NcrsGateway.Audit.AspNetCore;
using NcrsGateway.Core.Audit;
using NcrsGateway.Fhir;
using NcrsGateway.Fhir.Security;

namespace NcrsGateway.Immunisations;

/// <summary>
/// <c>GET /fhir/Immunization?patient.identifier=…|n&amp;-immunization.target=…</c>: a patient's vaccinations from the national
/// Immunisation FHIR API. The search is validated before any upstream call; the patient is named in the audit row (a search:
/// AuditEvent.action E); the answer is never cached (no cache filter; the root group's <c>Cache-Control: no-store</c>).
/// </summary>
internal static class ImmunisationEndpoints
{
    public static RouteGroupBuilder MapImmunisations(this IEndpointRouteBuilder fhir)
    {
        var group = fhir.MapGroup("/Immunization").WithTags("Immunization").RequireAuthorization(GatewayPolicies.Reader);
        group.MapFhirSearch("SearchImmunization", SearchAsync, new FhirSearch("Immunization", ImmunisationSearchRequest.Parameters, gatewayPaging: true)).WithMetadata(AuditedAction.Query(AuditActions.ImmunisationSearch));
        return group;
    }

    private static async Task<FhirResult> SearchAsync(HttpContext http, ImmunisationService immunisations, FhirBaseUrl baseUrl, CancellationToken cancellationToken)
    {
        var query = ImmunisationSearchRequest.Parse(
            http.Request.Query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))); // 400s before any upstream call
        http.AuditPatient(query.NhsNumber);
        var bundle = await immunisations.SearchAsync(query, http.ToRequestContext(), baseUrl.For(http.Request), cancellationToken).ConfigureAwait(false);
        http.AuditPatientsNamedIn(bundle); // the searched patient already; any other the national service named too
        return FhirResult.From(bundle);
    }
}
