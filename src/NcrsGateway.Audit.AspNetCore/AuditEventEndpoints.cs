using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.WebUtilities;
using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Errors;
using NcrsGateway.Fhir;
using NcrsGateway.Fhir.Security;

namespace NcrsGateway.Audit.AspNetCore;

/// <summary><c>GET /fhir/AuditEvent</c>: the auditor's search of the audit trail, newest first, paged by cursor.</summary>
public static class AuditEventEndpoints
{
    /// <param name="fhir">The root <c>/fhir</c> group.</param>
    public static RouteGroupBuilder MapAuditEventEndpoints(this IEndpointRouteBuilder fhir)
    {
        var group = fhir.MapGroup("/AuditEvent").WithTags("AuditEvent");
        group.MapFhirSearch("SearchAuditEvent", SearchAsync, new FhirSearch("AuditEvent", AuditSearchRequest.Parameters, gatewayPaging: false))
            .WithMetadata(AuditedAction.Query(AuditActions.AuditSearch))
            .RequireAuthorization(GatewayPolicies.Auditor);
        return group;
    }

    private static async Task<FhirResult> SearchAsync(HttpContext http, IAuditTrail audit, IAuthorizationService authorization, AuditedActionCatalog actions, FhirBaseUrl baseUrl, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = AuditSearchRequest.Parse(http.Request.Query, await AuditScopes.ForAsync(http, authorization).ConfigureAwait(false));
        if (query.Patient is { } patient)
        {
            http.AuditPatient(patient);
        }

        AuditPage page;
        try
        {
            page = await audit.SearchAsync(query, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not GatewayException && (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            throw AuditSearchUnavailable.Exception(e); // store down: 503 with Retry-After, not 500
        }
        var root = baseUrl.For(http.Request);
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Timestamp = time.GetUtcNow(),
            Link = [new Bundle.LinkComponent { Relation = "self", Url = $"{root}/AuditEvent{http.Request.QueryString.Value}" }],
        };
        foreach (var record in page.Records)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{root}/AuditEvent/{record.Id}",
                Resource = AuditEventMapper.ToFhir(record, actions.IsQuery(record.Action)),
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }

        if (page.NextCursor is { } cursor)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = NextLink(root, http.Request.Query, cursor) });
        }

        return FhirResult.From(bundle);
    }

    private static string NextLink(string root, IQueryCollection query, string cursor)
    {
        var parameters = query
            .Where(p => p.Key != AuditSearchRequest.CursorParameter)
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>(AuditSearchRequest.CursorParameter, cursor));
        return QueryHelpers.AddQueryString($"{root}/AuditEvent", parameters);
    }
}
