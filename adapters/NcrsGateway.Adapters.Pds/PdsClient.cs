using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Pds;

/// <summary>
/// Typed client for the PDS FHIR R4 API, on the shared <see cref="UpstreamSender"/>: one <c>X-Request-ID</c> per
/// logical request, re-sent on every retry (PDS de-duplicates on it). PDS's own error arms are <see cref="PdsErrorMapper"/>.
/// </summary>
internal sealed partial class PdsClient(
    HttpClient http,
    [FromKeyedServices(SourceServices.Pds)] IUpstreamTokenProvider tokens,
    IOptionsMonitor<PdsOptions> options,
    TimeProvider time,
    ILogger<PdsClient> logger) : IDemographicsSource
{
    private readonly UpstreamSender _sender = new("PDS", http, tokens, () => options.CurrentValue, time, logger);

    public async Task<PatientRecord> ReadAsync(NhsNumber nhsNumber, RequestContext context, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "Patient/" + nhsNumber.Value);
        var answer = await _sender.SendAsync(request, Call("read", context), cancellationToken).ConfigureAwait(false);
        if (answer.Body is not Patient patient)
        {
            throw _sender.Unusable(answer, "read");
        }

        var record = PdsMapper.Map(patient, nhsNumber, answer.Headers.ETag?.Tag.Trim('"'), time.GetUtcNow());
        if (record.Identity.IsSuperseded(nhsNumber))
        {
            LogSuperseded(logger);
        }

        return record;
    }

    public async Task<IReadOnlyList<PatientMatch>> SearchAsync(PatientSearchQuery query, RequestContext context, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, PdsSearchParameters.ToQueryString(query));
        var answer = await _sender.SendAsync(request, Call("search", context), cancellationToken).ConfigureAwait(false);
        switch (answer.Body)
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
                throw _sender.Unusable(answer, "search");
        }
    }

    private static UpstreamCall Call(string operation, RequestContext context) => new(operation, context) { Errors = PdsErrorMapper.Map };
}
