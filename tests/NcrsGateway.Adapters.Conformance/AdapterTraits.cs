namespace NcrsGateway.Adapters.Conformance;

/// <summary>
/// What kind of adapter the kit is checking, where an obligation takes a different form for it. Every obligation still
/// runs for every adapter: a trait an adapter lacks turns its check into a check of that declaration (described on each
/// trait), never into a test that passes without looking. The defaults describe an HTTP adapter that maps FHIR
/// (<see cref="FhirHttpAdapter"/>: PDS, NRL, Immunisation).
/// </summary>
public sealed record AdapterTraits
{
    /// <summary>PDS, NRL, Immunisation: an NHS number in, retried safe reads, mapped FHIR elements out.</summary>
    public static AdapterTraits FhirHttpAdapter { get; } = new();

    /// <summary>
    /// The port takes an NHS number, so an invalid one must be refused before any call. False for an adapter whose input
    /// is what another adapter returned (the documents adapter takes a pointer's content URL from the record locator):
    /// then <c>InvalidNhsNumber_IsRefusedBeforeAnyCall</c> checks that no method of the port takes an
    /// <see cref="Core.NhsNumber"/> (the obligation belongs to the adapter that does), and the wire check still runs.
    /// </summary>
    public bool TakesNhsNumber { get; init; } = true;

    /// <summary>
    /// Safe reads are retried after a transient failure, with the same <c>X-Request-ID</c>. False for a streaming adapter,
    /// which never replays a download: then <c>Retry_After503_ReusesTheRequestId</c> checks that exactly one request was
    /// sent and the 503 reached the caller mapped.
    /// </summary>
    public bool RetriesTransientFailures { get; init; } = true;

    /// <summary>
    /// The result is the upstream's bytes passed through unmapped (a document): no gateway element, so nothing to carry
    /// provenance (the pointer that located the bytes carries it, checked by the record locator's kit run). Then
    /// <c>Result_CarriesProvenanceOnEveryElement</c> checks that the bytes arrive unchanged and that nothing in the result
    /// claims to be a mapped element.
    /// </summary>
    public bool PassesBytesThrough { get; init; }

    /// <summary>
    /// A streaming adapter times out a body that goes silent (an idle-read timeout between reads), not one that is merely
    /// slow: then <c>SlowBody_TimesOutAsUpstreamTimeout</c> drips the body slower than that idle timeout rather than
    /// just slowly. The adapter's subclass says how long that is (<c>LongerThanIdleTimeout</c>).
    /// </summary>
    public bool TimesOutIdleBodyOnly { get; init; }

    /// <summary>The relative key of a static bearer token setting the keyed provider must win over; null when the adapter has none.</summary>
    public string? StaticTokenSetting { get; init; } = "AccessToken";
}
