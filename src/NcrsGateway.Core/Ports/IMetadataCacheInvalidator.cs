namespace NcrsGateway.Core.Ports;

/// <summary>
/// Evicts cached metadata (demographics summaries, document-pointer metadata) on every gateway instance.
/// The events handler calls it when a national change signal arrives. Invalidation is best effort when the
/// shared cache is unreachable: local entries are still evicted and expire by their TTL everywhere else.
/// </summary>
public interface IMetadataCacheInvalidator
{
    /// <summary>Evicts every cached entry about this patient (reads and pointer searches).</summary>
    Task InvalidatePatientAsync(NhsNumber nhsNumber, CancellationToken cancellationToken);

    /// <summary>Evicts one cache entry by its cache key (as the gateway builds it: never a raw NHS number).</summary>
    Task InvalidateKeyAsync(string key, CancellationToken cancellationToken);
}
