using System.Reflection;
using NcrsGateway.Audit.AspNetCore;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.RecordLocation;

/// <summary>A validated <c>GET /fhir/DocumentReference</c>: what to ask NRL, and which page of the answer to return.</summary>
/// <param name="Page">1-based page number; NRL returns every pointer unpaged, so the gateway pages itself.</param>
internal sealed record DocumentReferenceSearch(PointerSearchQuery Query, int Count, int Page)
{
    /// <summary>
    /// Binds the search once per request, before anything goes upstream (<see cref="DocumentReferenceSearchRequest.Parse"/>:
    /// invalid searches are refused), and names its patient in the audit row: cached or not, every search is audited.
    /// </summary>
    public static ValueTask<DocumentReferenceSearch?> BindAsync(HttpContext http, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(http);
        var search = DocumentReferenceSearchRequest.Parse(http.Request.Query);
        http.AuditPatient(search.Query.NhsNumber);
        return ValueTask.FromResult<DocumentReferenceSearch?>(search);
    }
}
