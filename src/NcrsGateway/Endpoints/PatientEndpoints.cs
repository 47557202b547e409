using NcrsGateway.Audit;
using NcrsGateway.Caching;
using NcrsGateway.Core;
using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Errors;
using NcrsGateway.Demographics;
using NcrsGateway.DocumentReferences;
using NcrsGateway.Fhir;
using NcrsGateway.Security;

namespace NcrsGateway.Endpoints;

/// <summary><c>/fhir/Patient</c>: read by NHS number, search by identifier or demographics.</summary>
internal static class PatientEndpoints
{
    /// <summary>
    /// Any id but one starting with '$': those are operations (<c>$verify</c>, …), so <c>GET /fhir/Patient/$verify</c>
    /// is a 405 method-not-allowed, not a read of NHS number "$verify".
    /// </summary>
    private const string ReadRoute = "/{nhsNumber:regex(^[[^$]])}";

    public static RouteGroupBuilder MapPatientEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/fhir/Patient").WithTags("Patient").RequireAuthorization(GatewayPolicies.Reader);
        group.MapGet(ReadRoute, ReadAsync).WithName("ReadPatient").WithMetadata(new AuditedAction(AuditActions.PatientRead)).CachePatientRead();
        group.MapGet("/", SearchAsync).WithName("SearchPatient").WithMetadata(new AuditedAction(AuditActions.PatientSearch));
        return group;
    }

    private static Task<FhirResult> ReadAsync(string nhsNumber, HttpContext http, PatientService patients, FhirBaseUrl baseUrl, CancellationToken cancellationToken)
    {
        if (!NhsNumber.TryParse(nhsNumber, out var parsed))
        {
            throw new GatewayException(GatewayErrors.InvalidNhsNumber);
        }

        http.AuditPatient(parsed);
        return patients.ReadAsync(parsed, http.ToRequestContext(), baseUrl.For(http.Request), cancellationToken);
    }

    private static Task<FhirResult> SearchAsync(HttpContext http, PatientService patients, DocumentReferenceService pointers, FhirBaseUrl baseUrl, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var self = http.Request.QueryString.Value ?? string.Empty;
        var context = http.ToRequestContext();
        var root = baseUrl.For(http.Request);
        if (PatientSearchRequest.ParseIdentifier(query) is not { } nhsNumber)
        {
            return patients.SearchAsync(PatientSearchRequest.ParseDemographics(query), context, root, self, cancellationToken);
        }

        http.AuditPatient(nhsNumber);
        return PatientSearchRequest.IncludesDocumentReferences(query)
            ? pointers.SearchPatientWithPointersAsync(nhsNumber, context, root, self, cancellationToken)
            : patients.SearchByIdentifierAsync(nhsNumber, context, root, self, cancellationToken);
    }
}
