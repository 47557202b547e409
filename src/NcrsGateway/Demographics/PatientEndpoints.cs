using Microsoft.AspNetCore.Mvc;
using NcrsGateway.Audit;
using NcrsGateway.Caching;
using NcrsGateway.Caching.Http;
using NcrsGateway.Core;
using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Errors;
using NcrsGateway.Correlation;
using NcrsGateway.Demographics;
using NcrsGateway.RecordLocation;
using NcrsGateway.Fhir;
using NcrsGateway.Security;

namespace NcrsGateway.Demographics;

/// <summary><c>/fhir/Patient</c>: read by NHS number, search by identifier or demographics.</summary>
internal static class PatientEndpoints
{
    public static RouteGroupBuilder MapPatientEndpoints(this IEndpointRouteBuilder fhir)
    {
        var group = fhir.MapGroup("/Patient").WithTags("Patient").RequireAuthorization(GatewayPolicies.Reader);
        group.MapGet("/{nhsNumber}", ReadAsync).WithName("ReadPatient").WithMetadata(AuditedAction.Read(AuditActions.PatientRead)).CachePatientRead();
        group.MapGet("/", SearchAsync).WithName("SearchPatient").WithMetadata(AuditedAction.Query(AuditActions.PatientSearch));
        return group;
    }

    private static Task<FhirResult> ReadAsync(string nhsNumber, HttpContext http, PatientService patients, FhirBaseUrl baseUrl, EndpointDataSource endpoints, CancellationToken cancellationToken)
    {
        if (nhsNumber.StartsWith('$') && endpoints.AllowedMethods(http.Request.Path).Where(m => !HttpMethods.IsGet(m)).ToList() is { Count: > 0 } allowed)
        {
            // GET /fhir/Patient/$verify is the wrong method on an operation (whichever feature maps it), not a read of NHS number "$verify".
            http.Response.Headers.Allow = string.Join(", ", allowed);
            return Task.FromResult(OperationOutcomes.Result(new GatewayException(GatewayErrors.MethodNotAllowed), http.CorrelationId()));
        }

        if (!NhsNumber.TryParse(nhsNumber, out var parsed))
        {
            throw new GatewayException(GatewayErrors.InvalidNhsNumber);
        }

        http.AuditPatient(parsed);
        return patients.ReadAsync(parsed, http.ToRequestContext(), baseUrl.For(http.Request), cancellationToken);
    }

    private static Task<FhirResult> SearchAsync(HttpContext http, PatientService patients, [FromServices] DocumentReferenceService? pointers, FhirBaseUrl baseUrl, CancellationToken cancellationToken)
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
        if (!PatientSearchRequest.IncludesDocumentReferences(query))
        {
            return patients.SearchByIdentifierAsync(nhsNumber, context, root, self, cancellationToken);
        }

        return pointers is not null
            ? pointers.SearchPatientWithPointersAsync(nhsNumber, context, root, self, cancellationToken)
            : throw new GatewayException(GatewayErrors.InvalidSearch, "_revinclude is not served: this gateway has no record locator (NRL) configured.");
    }
}
