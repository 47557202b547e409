using Hl7.Fhir.Model;
using NcrsGateway.Core;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Demographics;

/// <summary>Reads and searches national demographics; the endpoints serialize the answer once (<see cref="PatientResults"/>).</summary>
public sealed class PatientService(IDemographicsSource demographics, TimeProvider time)
{
    public async Task<PatientRead> ReadAsync(NhsNumber nhsNumber, RequestContext context, string baseUrl, CancellationToken cancellationToken)
    {
        var record = await demographics.ReadAsync(nhsNumber, context, cancellationToken).ConfigureAwait(false);
        if (record.Identity.IsSuperseded(nhsNumber))
        {
            // id = the number asked for, active false, replaced-by the current record (Content-Location names it too)
            return new PatientRead(PatientResourceMapper.ToReplaced(nhsNumber, record), record.Provenance, $"{baseUrl}/Patient/{record.Identity.NhsNumber.Value}");
        }

        return new PatientRead(PatientResourceMapper.ToFhir(record), record.Provenance, null);
    }

    public async Task<Bundle> SearchByIdentifierAsync(NhsNumber nhsNumber, RequestContext context, string baseUrl, string selfQuery, CancellationToken cancellationToken)
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

        return PatientBundleBuilder.Build(matches, baseUrl, selfQuery, time.GetUtcNow());
    }

    public async Task<Bundle> SearchAsync(PatientSearchQuery query, RequestContext context, string baseUrl, string selfQuery, CancellationToken cancellationToken)
    {
        var matches = await demographics.SearchAsync(query, context, cancellationToken).ConfigureAwait(false);
        return PatientBundleBuilder.Build(matches, baseUrl, selfQuery, time.GetUtcNow());
    }
}
