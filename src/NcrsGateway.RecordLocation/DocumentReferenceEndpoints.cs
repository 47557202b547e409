using NcrsGateway.Audit.AspNetCore;
using NcrsGateway.Core.Audit;
using NcrsGateway.Fhir;
using NcrsGateway.Fhir.Security;

namespace NcrsGateway.RecordLocation;

/// <summary><c>/fhir/DocumentReference</c>: search a patient's record-locator pointers, read one pointer.</summary>
internal static class DocumentReferenceEndpoints
{
    public static RouteGroupBuilder MapDocumentReferenceEndpoints(this IEndpointRouteBuilder fhir)
    {
        var group = fhir.MapGroup("/DocumentReference").WithTags("DocumentReference").RequireAuthorization(GatewayPolicies.Reader);
        group.MapFhirGet("/{id}", ReadAsync).WithName("ReadDocumentReference").WithMetadata(AuditedAction.Read(AuditActions.PointerRead));
        var search = group.MapFhirSearch("SearchDocumentReference", SearchAsync, new FhirSearch("DocumentReference", DocumentReferenceSearchRequest.Parameters, gatewayPaging: false))
            .WithMetadata(AuditedAction.Query(AuditActions.PointerSearch));
        search.Get.CachePointerSearch();
        search.Post.CachePointerSearch();
        return group;
    }

    private static async Task<FhirResult> ReadAsync(string id, HttpContext http, DocumentReferenceService pointers, FhirBaseUrl baseUrl, CancellationToken cancellationToken)
    {
        var pointer = await pointers.ReadAsync(id, http.ToRequestContext(), baseUrl.For(http.Request), cancellationToken).ConfigureAwait(false);
        http.AuditPatientsNamedIn(pointer); // the pointer's subject
        return new FhirResult(FhirResult.From(pointer).Body)
        {
            ETag = pointer.Meta?.VersionId is { } v ? $"W/\"{v}\"" : null, // If-None-Match with it answers 304 (FhirResult)
            LastModified = pointer.Meta?.LastUpdated,
        };
    }

    private static async Task<FhirResult> SearchAsync(DocumentReferenceSearch search, HttpContext http, DocumentReferenceService pointers, FhirBaseUrl baseUrl, CancellationToken cancellationToken)
    {
        // search: validated and its patient audited when bound, before any upstream call
        var bundle = await pointers.SearchAsync(search, http.ToRequestContext(), baseUrl.For(http.Request), cancellationToken).ConfigureAwait(false);
        http.AuditPatientsNamedIn(bundle);
        return FhirResult.From(bundle);
    }
}
