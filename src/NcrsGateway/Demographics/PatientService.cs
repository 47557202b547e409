using NcrsGateway.Core;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;
using NcrsGateway.Fhir;

namespace NcrsGateway.Demographics;

/// <summary>Reads and searches national demographics and serializes the FHIR answer once.</summary>
internal sealed class PatientService(IDemographicsSource demographics, TimeProvider time)
{
    public async Task<FhirResult> ReadAsync(NhsNumber nhsNumber, RequestContext context, string baseUrl, CancellationToken cancellationToken)
    {
        var record = await demographics.ReadAsync(nhsNumber, context, cancellationToken).ConfigureAwait(false);
        var body = FhirResult.From(PatientResourceMapper.ToFhir(record));
        return new FhirResult(body.Body)
        {
            ETag = ETag(record.Provenance),
            Provenance = record.Provenance,
            ContentLocation = record.Identity.IsSuperseded(nhsNumber) ? $"{baseUrl}/Patient/{record.Identity.NhsNumber.Value}" : null,
        };
    }

    public async Task<FhirResult> SearchByIdentifierAsync(NhsNumber nhsNumber, RequestContext context, string baseUrl, string selfQuery, CancellationToken cancellationToken)
    {
        IReadOnlyList<PatientMatch> matches;
        try
        {
            var record = await demographics.ReadAsync(nhsNumber, context, cancellationToken).ConfigureAwait(false);
            matches = [new PatientMatch(record, 1m)];
        }
        catch (Core.Errors.GatewayException e) when (e.Error == Core.Errors.GatewayErrors.PatientNotFound)
        {
            matches = []; // a search that finds nothing is an empty searchset, not an error
        }

        return FhirResult.From(PatientBundleBuilder.Build(matches, baseUrl, selfQuery, time.GetUtcNow()));
    }

    public async Task<FhirResult> SearchAsync(PatientSearchQuery query, RequestContext context, string baseUrl, string selfQuery, CancellationToken cancellationToken)
    {
        var matches = await demographics.SearchAsync(query, context, cancellationToken).ConfigureAwait(false);
        return FhirResult.From(PatientBundleBuilder.Build(matches, baseUrl, selfQuery, time.GetUtcNow()));
    }

    private static string? ETag(Core.Model.Provenance provenance) =>
        provenance.UpstreamVersion is { } v ? $"W/\"{v}\"" : null;
}
