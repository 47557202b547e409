using System.Diagnostics;
using System.Net;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Model.Immunisations;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Immunisation;

/// <summary>
/// Typed client for the Immunisation FHIR API search. One logical request gets one <c>X-Request-ID</c>, set on the
/// request message before the resilience pipeline so every retry re-sends the same value. The query type only
/// exists for a valid NHS number and at least one vaccine type, so an invalid search is never sent.
/// </summary>
internal sealed partial class ImmunisationClient(
    HttpClient http,
    [FromKeyedServices(ImmunisationSource.Name)] IUpstreamTokenProvider tokens,
    IOptionsMonitor<ImmunisationOptions> options,
    TimeProvider time,
    ILogger<ImmunisationClient> logger) : IImmunisationHistory
{
    private const string Upstream = "Immunisation";

    public async Task<ImmunisationSearchResult> SearchAsync(ImmunisationSearchQuery query, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(context);
        using var request = new HttpRequestMessage(HttpMethod.Get, ImmunisationSearchParameters.ToRelativeUrl(query));
        var requestId = await UpstreamRequests.AddHeadersAsync(request, context, options.CurrentValue.EndUserOrganisationOds, tokens, cancellationToken).ConfigureAwait(false);

        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage sent;
        try
        {
            sent = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && UpstreamErrors.Translate(e, options.CurrentValue.BreakDuration) is { } failure)
        {
            LogFailed(logger, requestId, failure.Error.Code, null, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw failure;
        }

        using var response = sent;
        LogCompleted(logger, requestId, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        Resource? body;
        try
        {
            body = await UpstreamResponses.ReadFhirAsync(response, Upstream, logger, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && UpstreamErrors.Translate(e, options.CurrentValue.BreakDuration) is { } failure)
        {
            LogFailed(logger, requestId, failure.Error.Code, null, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw failure; // the body stalled or broke off after the headers
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            var error = ImmunisationErrorMapper.Map(response, body, time);
            LogFailed(logger, requestId, error.Error.Code, UpstreamErrors.SpineCode(body as OperationOutcome), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw error;
        }

        if (body is not Bundle bundle)
        {
            LogFailed(logger, requestId, GatewayErrors.UpstreamError.Code, null, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw new GatewayException(GatewayErrors.UpstreamError);
        }

        var (result, skipped) = ImmunisationSearchResults.Map(bundle, query.NhsNumber, time.GetUtcNow());
        if (skipped > 0)
        {
            LogSkipped(logger, skipped);
        }

        if (result.Events.State == ElementState.Withheld)
        {
            LogWithheld(logger);
        }

        return result;
    }
}
