using NcrsGateway.Caching;
using NcrsGateway.Caching.Http;
using NcrsGateway.Audit;
using NcrsGateway.Core.Audit;
using NcrsGateway.RecordLocation;
using NcrsGateway.Fhir;
using NcrsGateway.Security;

namespace NcrsGateway.RecordLocation;

/// <summary><c>/fhir/DocumentReference</c>: search a patient's record-locator pointers, read one pointer.</summary>
internal static class DocumentReferenceEndpoints
{
    public static RouteGroupBuilder MapDocumentReferenceEndpoints(this IEndpointRouteBuilder fhir)
    {
        var group = fhir.MapGroup("/DocumentReference").WithTags("DocumentReference").RequireAuthorization(GatewayPolicies.Reader);
        group.MapGet("/{id}", ReadAsync).WithName("ReadDocumentReference").WithMetadata(AuditedAction.Read(AuditActions.PointerRead));
        group.MapGet("/", SearchAsync).WithName("SearchDocumentReference").WithMetadata(AuditedAction.Query(AuditActions.PointerSearch)).CachePointerSearch();
        return group;
    }

    private static Task<FhirResult> ReadAsync(string id, HttpContext http, DocumentReferenceService pointers, FhirBaseUrl baseUrl, CancellationToken cancellationToken) =>
        pointers.ReadAsync(id, http.ToRequestContext(), baseUrl.For(http.Request), cancellationToken);

    private static Task<FhirResult> SearchAsync(HttpContext http, DocumentReferenceService pointers, FhirBaseUrl baseUrl, CancellationToken cancellationToken)
    {
        var search = DocumentReferenceSearchRequest.Parse(http.Request.Query); // before any upstream call
        http.AuditPatient(search.Query.NhsNumber);
        return pointers.SearchAsync(search, http.ToRequestContext(), baseUrl.For(http.Request), cancellationToken);
    }
}
