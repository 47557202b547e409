namespace NcrsGateway.Audit.AspNetCore;

/// <summary>
/// Every audited action the mapped endpoints declare (<see cref="AuditedAction"/> metadata), read once from the routing's
/// endpoints: no list of action codes to keep in step. A code no endpoint declares (<c>other</c>, or a feature since
/// removed) is shown as a read.
/// </summary>
internal sealed class AuditedActionCatalog(EndpointDataSource endpoints)
{
    private IReadOnlySet<string>? _queries;

    public bool IsQuery(string action) => (_queries ??= Queries()).Contains(action);

    private HashSet<string> Queries() =>
        [.. endpoints.Endpoints
            .Select(e => e.Metadata.GetMetadata<AuditedAction>())
            .OfType<AuditedAction>()
            .Where(a => a.IsQuery)
            .Select(a => a.Action)];
}
