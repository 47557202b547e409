using Microsoft.AspNetCore.Mvc;
using NcrsGateway.Audit.AspNetCore;
using NcrsGateway.Core;
using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Errors;
using NcrsGateway.Correlation;
using NcrsGateway.Fhir;
using NcrsGateway.Fhir.Security;

namespace NcrsGateway.Demographics;

/// <summary><c>/fhir/Patient</c>: read by NHS number, search by identifier or demographics.</summary>
internal static class PatientEndpoints
{
    public static RouteGroupBuilder MapPatientEndpoints(this IEndpointRouteBuilder fhir)
    {
        var group = fhir.MapGroup("/Patient").WithTags("Patient").RequireAuthorization(GatewayPolicies.Reader);
        group.MapFhirGet("/{nhsNumber}", ReadAsync).WithName("ReadPatient").WithMetadata(AuditedAction.Read(AuditActions.PatientRead)).CachePatientRead();
        group.MapFhirSearch("SearchPatient", SearchAsync, new FhirSearch("Patient", PatientSearchRequest.Parameters, gatewayPaging: true)).WithMetadata(AuditedAction.Query(AuditActions.PatientSearch));
        return group;
    }

    private static async Task<FhirResult> ReadAsync(PatientReadRequest request, HttpContext http, PatientService patients, FhirBaseUrl baseUrl, EndpointDataSource endpoints, CancellationToken cancellationToken)
    {
        if (request.NhsNumber is not { } nhsNumber)
        {
            if (endpoints.AllowedMethods(http.Request.Path).Where(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m)).ToList() is { Count: > 0 } allowed)
            {
                // GET /fhir/Patient/$verify is the wrong method on an operation (whichever feature maps it), not a read of NHS number "$verify".
                http.Response.Headers.Allow = string.Join(", ", allowed);
                return OperationOutcomes.Result(new GatewayException(GatewayErrors.MethodNotAllowed), http.CorrelationId());
            }

            throw new GatewayException(GatewayErrors.InvalidNhsNumber);
        }

        // The patient is already in the audit row (bound by PatientReadRequest).
        var read = await patients.ReadAsync(nhsNumber, http.ToRequestContext(), baseUrl.For(http.Request), cancellationToken).ConfigureAwait(false);
        http.AuditPatientsNamedIn(read.Patient); // a superseded number answers with the current one: both are in the row
        return read.ToFhirResult();
    }

    private static async Task<FhirResult> SearchAsync(HttpContext http, PatientService patients, [FromServices] IPatientRevInclude? revInclude, FhirBaseUrl baseUrl, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var self = http.Request.QueryString.Value ?? string.Empty;
        var context = http.ToRequestContext();
        var root = baseUrl.For(http.Request);
        if (PatientSearchRequest.ParseIdentifier(query) is not { } nhsNumber)
        {
            return Named(http, await patients.SearchAsync(PatientSearchRequest.ParseDemographics(query), context, root, self, cancellationToken).ConfigureAwait(false));
        }

        http.AuditPatient(nhsNumber);
        if (!PatientSearchRequest.IncludesDocumentReferences(query))
        {
            return Named(http, await patients.SearchByIdentifierAsync(nhsNumber, context, root, self, cancellationToken).ConfigureAwait(false));
        }

        return revInclude is not null
            ? Named(http, await revInclude.SearchAsync(nhsNumber, context, root, self, cancellationToken).ConfigureAwait(false))
            : throw new GatewayException(GatewayErrors.InvalidSearch, "_revinclude is not served: this gateway has no record locator (NRL) configured.");
    }

    /// <summary>
    /// Every patient the searchset returns goes into the audit row (a demographic search returns at most
    /// <c>_max-results</c>, 50, which is also the row's limit).
    /// </summary>
    private static FhirResult Named(HttpContext http, Hl7.Fhir.Model.Bundle bundle)
    {
        http.AuditPatientsNamedIn(bundle);
        return FhirResult.From(bundle);
    }
}
