using Hl7.Fhir.Model;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;
using NcrsGateway.Demographics;
using NcrsGateway.Fhir;

namespace NcrsGateway.RecordLocation;

/// <summary>
/// Searches and reads record-locator pointers and serializes the FHIR answer once. Demographics is absent when PDS is
/// not configured; the patient-with-pointers search is then not mapped.
/// </summary>
internal sealed class DocumentReferenceService(IRecordLocator locator, TimeProvider time, IDemographicsSource? demographics = null)
{
    public async Task<FhirResult> SearchAsync(DocumentReferenceSearch search, RequestContext context, string baseUrl, CancellationToken cancellationToken)
    {
        var result = await locator.SearchAsync(search.Query, context, cancellationToken).ConfigureAwait(false);
        return FhirResult.From(DocumentReferenceBundleBuilder.Build(result, search, baseUrl, time.GetUtcNow()));
    }

    public async Task<FhirResult> ReadAsync(string pointerId, RequestContext context, string baseUrl, CancellationToken cancellationToken)
    {
        var pointer = await locator.ReadAsync(PointerIds.Require(pointerId), context, cancellationToken).ConfigureAwait(false);
        return new FhirResult(FhirResult.From(DocumentReferenceMapper.ToFhir(pointer, baseUrl)).Body)
        {
            ETag = pointer.Provenance.UpstreamVersion is { } v ? $"W/\"{v}\"" : null,
        };
    }

    /// <summary>
    /// <c>GET /fhir/Patient?identifier=…&amp;_revinclude=DocumentReference:subject</c>: the patient (mode match) and
    /// their pointers (mode include), with PDS and NRL called concurrently. A patient PDS does not know is an
    /// empty searchset; any other failure of either service fails the request (never a partial answer).
    /// </summary>
    public async Task<FhirResult> SearchPatientWithPointersAsync(NhsNumber nhsNumber, RequestContext context, string baseUrl, string selfQuery, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var patientTask = ReadPatientAsync(nhsNumber, context, linked, linked.Token);
        var pointersTask = SearchPointersAsync(new PointerSearchQuery(nhsNumber), context, linked, linked.Token);
        try
        {
            await System.Threading.Tasks.Task.WhenAll(patientTask, pointersTask).ConfigureAwait(false);
        }
        catch (Exception) when (patientTask.IsCompletedSuccessfully && patientTask.Result is null)
        {
            // Unknown patient: nothing to include, whatever NRL said.
        }

        var record = await patientTask.ConfigureAwait(false);
        var matches = record is null ? [] : new List<PatientMatch> { new(record, 1m) };
        var bundle = PatientBundleBuilder.Build(matches, baseUrl, selfQuery, time.GetUtcNow());
        if (record is not null)
        {
            var pointers = await pointersTask.ConfigureAwait(false);
            foreach (var pointer in pointers.Pointers)
            {
                bundle.Entry.Add(DocumentReferenceBundleBuilder.Match(pointer, baseUrl, Bundle.SearchEntryMode.Include));
            }

            if (DocumentReferenceBundleBuilder.Warnings(pointers.Warnings) is { } outcome)
            {
                bundle.Entry.Add(outcome);
            }
        }

        return FhirResult.From(bundle);
    }

    private async Task<PatientRecord?> ReadPatientAsync(NhsNumber nhsNumber, RequestContext context, CancellationTokenSource linked, CancellationToken cancellationToken)
    {
        try
        {
            return await (demographics ?? throw new InvalidOperationException("No demographics source is configured.")).ReadAsync(nhsNumber, context, cancellationToken).ConfigureAwait(false);
        }
        catch (GatewayException e) when (e.Error == GatewayErrors.PatientNotFound)
        {
            return null;
        }
        catch
        {
            await linked.CancelAsync().ConfigureAwait(false); // no point waiting for pointers of a request that has failed
            throw;
        }
    }

    private async Task<PointerSearchResult> SearchPointersAsync(PointerSearchQuery query, RequestContext context, CancellationTokenSource linked, CancellationToken cancellationToken)
    {
        try
        {
            return await locator.SearchAsync(query, context, cancellationToken).ConfigureAwait(false);
        }
        catch (GatewayException)
        {
            await linked.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }
}
