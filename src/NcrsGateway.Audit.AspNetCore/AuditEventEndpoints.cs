using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.WebUtilities;
using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Errors;
using NcrsGateway.Fhir;
using NcrsGateway.Fhir.Security;

namespace NcrsGateway.Audit.AspNetCore;

/// <summary>
/// <c>GET /fhir/AuditEvent</c> (and <c>POST _search</c>): the auditor's search of the audit trail, newest first, paged by
/// cursor, with its total; <c>GET /fhir/AuditEvent/{id}</c>: one row, so every searchset <c>fullUrl</c> resolves. Both
/// see only what the auditor's scope allows (their organisation's rows, or every row for a national auditor).
/// </summary>
public static class AuditEventEndpoints
{
    /// <param name="fhir">The root <c>/fhir</c> group.</param>
    public static RouteGroupBuilder MapAuditEventEndpoints(this IEndpointRouteBuilder fhir)
    {
        var group = fhir.MapGroup("/AuditEvent").WithTags("AuditEvent");
        group.MapFhirSearch("SearchAuditEvent", SearchAsync, new FhirSearch("AuditEvent", AuditSearchRequest.Parameters, gatewayPaging: false))
            .WithMetadata(AuditedAction.Query(AuditActions.AuditSearch))
            .RequireAuthorization(GatewayPolicies.Auditor);
        group.MapFhirGet("/{id}", ReadAsync)
            .WithName("ReadAuditEvent")
            .WithMetadata(AuditedAction.Read(AuditActions.AuditRead))
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

        var page = await SearchStoreAsync(audit, query, cancellationToken).ConfigureAwait(false);
        var root = baseUrl.For(http.Request);
        var now = time.GetUtcNow();
        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString(),
            Meta = new Meta { LastUpdated = now },
            Type = Bundle.BundleType.Searchset,
            Timestamp = now,
            Total = page.Total ?? page.Records.Count,
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

    private static async Task<FhirResult> ReadAsync(string id, HttpContext http, IAuditTrail audit, IAuthorizationService authorization, AuditedActionCatalog actions, CancellationToken cancellationToken)
    {
        var scope = await AuditScopes.ForAsync(http, authorization).ConfigureAwait(false);
        if (!Guid.TryParseExact(id, "D", out var rowId))
        {
            throw new GatewayException(GatewayErrors.NotFound, "No audit event has this id.");
        }

        var page = await SearchStoreAsync(audit, new AuditQuery(null, null, null, null, null, 1, null) { Scope = scope, Id = rowId }, cancellationToken).ConfigureAwait(false);
        var record = page.Records.FirstOrDefault()
            ?? throw new GatewayException(GatewayErrors.NotFound, "No audit event with this id is visible to you (an auditor sees their own organisation's events).");
        return FhirResult.From(AuditEventMapper.ToFhir(record, actions.IsQuery(record.Action)));
    }

    private static async Task<AuditPage> SearchStoreAsync(IAuditTrail audit, AuditQuery query, CancellationToken cancellationToken)
    {
        try
        {
            return await audit.SearchAsync(query, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not GatewayException && (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            throw AuditSearchUnavailable.Exception(e); // store down: 503 with Retry-After, not 500
        }
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
