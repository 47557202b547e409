using NcrsGateway.Caching;
using NcrsGateway.Caching.Http;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Ports;
using NcrsGateway.Demographics;
using NcrsGateway.Fhir;

namespace NcrsGateway.ClinicalContext.Selection;

/// <summary>
/// Before a selection: the number must resolve to a current national record. The metadata cache may answer
/// (the same entry a <c>GET /fhir/Patient/{n}</c> uses), but when the caller verified a different version than
/// the cache holds, PDS itself is asked: only the live record can refuse a verification as out of date.
/// Unknown and invalidated numbers are refused by the demographics source (patient-not-found,
/// patient-record-invalidated).
/// </summary>
internal sealed class NationalRecordCheck(IDemographicsSource demographics, PatientService patients, MetadataCache cache, FhirBaseUrl baseUrl, TimeProvider time)
{
    public async Task<NationalPatient> CurrentAsync(NhsNumber requested, string? verifiedVersion, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await ReadAsync(requested, refresh: false, http, cancellationToken).ConfigureAwait(false);
        if (verifiedVersion is not null && found.Version != verifiedVersion && found.FromCache)
        {
            found = await ReadAsync(requested, refresh: true, http, cancellationToken).ConfigureAwait(false);
        }

        if (verifiedVersion is not null && !string.Equals(found.Version, verifiedVersion, StringComparison.Ordinal))
        {
            throw new GatewayException(GatewayErrors.SelectionVerifyAgain);
        }

        return found;
    }

    private async Task<NationalPatient> ReadAsync(NhsNumber requested, bool refresh, HttpContext http, CancellationToken cancellationToken)
    {
        var context = http.ToRequestContext();
        if (!cache.Enabled || MetadataCacheExtensions.PatientReadKey(cache, requested) is not { } key)
        {
            var record = await demographics.ReadAsync(requested, context, cancellationToken).ConfigureAwait(false);
            return new NationalPatient(requested, record.Identity.NhsNumber, record.Provenance.UpstreamVersion, FromCache: false);
        }

        var root = baseUrl.For(http.Request);
        var lookup = await cache.GetOrFetchAsync(key, refresh, async ct =>
        {
            var result = await patients.ReadAsync(requested, context, root, ct).ConfigureAwait(false);
            return MetadataCacheFilter.ToPayload(result, root, time)
                ?? throw new GatewayException(GatewayErrors.UpstreamError, "The national record could not be read.");
        }, cancellationToken).ConfigureAwait(false);

        var entry = lookup.Entry;
        return new NationalPatient(requested, CurrentNumber(requested, entry.RelativeContentLocation), entry.UpstreamVersion, lookup.Status == CacheStatus.Hit);
    }

    /// <summary>A superseded number's entry carries the survivor's location (<c>Patient/{current}</c>).</summary>
    private static NhsNumber CurrentNumber(NhsNumber requested, string? relativeLocation) =>
        relativeLocation is { } location
        && location.StartsWith("Patient/", StringComparison.Ordinal)
        && NhsNumber.TryParse(location["Patient/".Length..], out var current)
            ? current
            : requested;
}
