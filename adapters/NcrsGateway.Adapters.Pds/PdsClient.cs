using System.Diagnostics;
using System.Net;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Fhir;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Pds;

/// <summary>
/// Typed client for the PDS FHIR R4 API. One logical request gets one <c>X-Request-ID</c>, set on the
/// request message before the resilience pipeline so every retry re-sends the same value (PDS de-duplicates on it).
/// </summary>
internal sealed partial class PdsClient(
    HttpClient http,
    [FromKeyedServices(SourceServices.Pds)] IUpstreamTokenProvider tokens,
    IOptionsMonitor<PdsOptions> options,
    TimeProvider time,
    ILogger<PdsClient> logger) : IDemographicsSource
{
    public async Task<PatientRecord> ReadAsync(NhsNumber nhsNumber, RequestContext context, CancellationToken cancellationToken)
    {
        using var response = await SendAsync("Patient/" + nhsNumber.Value, "read", context, cancellationToken).ConfigureAwait(false);
        var resource = await UpstreamResponses.ReadFhirAsync(response, "PDS", logger, cancellationToken).ConfigureAwait(false);
        if (resource is not Patient patient)
        {
            throw new GatewayException(GatewayErrors.UpstreamError);
        }

        var record = PdsMapper.Map(patient, nhsNumber, response.Headers.ETag?.Tag.Trim('"'), time.GetUtcNow());
        if (record.Identity.IsSuperseded(nhsNumber))
        {
            LogSuperseded(logger);
        }

        return record;
    }

    public async Task<IReadOnlyList<PatientMatch>> SearchAsync(PatientSearchQuery query, RequestContext context, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(PdsSearchParameters.ToQueryString(query), "search", context, cancellationToken).ConfigureAwait(false);
        var resource = await UpstreamResponses.ReadFhirAsync(response, "PDS", logger, cancellationToken).ConfigureAwait(false);
        switch (resource)
        {
            case OperationOutcome outcome when UpstreamErrors.SpineCode(outcome) == "TOO_MANY_MATCHES"
                                              || outcome.Issue.Exists(i => i.Code == OperationOutcome.IssueType.MultipleMatches):
                throw new GatewayException(GatewayErrors.TooManyMatches);
            case Bundle bundle:
                var now = time.GetUtcNow();
                return bundle.Entry
                    .Where(e => e.Resource is Patient)
                    .Select(e => new PatientMatch(PdsMapper.Map((Patient)e.Resource!, null, null, now), e.Search?.Score))
                    .OrderByDescending(m => m.Score ?? 0)
                    .ToList();
            default:
                throw new GatewayException(GatewayErrors.UpstreamError);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string relativeUrl, string operation, RequestContext context, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, relativeUrl);
        var requestId = await UpstreamRequests.AddHeadersAsync(request, context, options.CurrentValue.EndUserOrganisationOds, tokens, cancellationToken).ConfigureAwait(false);

        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && UpstreamErrors.Translate(e, options.CurrentValue.BreakDuration) is { } failure)
        {
            LogFailed(logger, operation, requestId, failure.Error.Code, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw failure;
        }

        LogCompleted(logger, operation, requestId, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return response;
        }

        using (response)
        {
            throw await PdsErrorMapper.MapAsync(response, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
