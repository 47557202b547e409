using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Conformance.BrokenAdapter;

/// <summary>
/// A tiny adapter built on the shared plumbing, the way the real ones are, that can be given <see cref="ProbeFlaws"/>.
/// Without flaws it passes the kit; each flaw must make one of the kit's checks fail.
/// </summary>
internal sealed partial class ProbeClient(
    HttpClient http,
    [FromKeyedServices(ProbeServiceCollectionExtensions.Key)] IUpstreamTokenProvider tokens,
    IOptionsMonitor<ProbeOptions> options,
    ProbeBehaviour behaviour,
    TimeProvider time,
    ILogger<ProbeClient> logger) : IProbeSource
{
    public async Task<ProbeResult> ReadAsync(string nhsNumber, RequestContext context, CancellationToken cancellationToken)
    {
        if (!behaviour.Has(ProbeFlaws.SendsUncheckedNhsNumber) && !NhsNumber.TryParse(nhsNumber, out _))
        {
            throw new GatewayException(GatewayErrors.InvalidNhsNumber);
        }

        if (behaviour.Has(ProbeFlaws.LogsNhsNumber))
        {
            LogPatient(logger, nhsNumber);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "Probe/" + Uri.EscapeDataString(nhsNumber));
        var requestId = await UpstreamRequests.AddHeadersAsync(request, context, options.CurrentValue.EndUserOrganisationOds, tokens, cancellationToken);
        if (behaviour.Has(ProbeFlaws.DropsCorrelationId))
        {
            request.Headers.Remove(KnownHeaders.CorrelationId);
        }

        if (behaviour.Has(ProbeFlaws.IgnoresKeyedToken))
        {
            request.Headers.Authorization = new("Bearer", options.CurrentValue.AccessToken);
        }

        HttpResponseMessage sent;
        try
        {
            sent = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && UpstreamErrors.Translate(e, options.CurrentValue.BreakDuration) is { } failure)
        {
            LogFailed(logger, requestId, failure.Error.Code);
            throw failure;
        }

        using var response = sent;
        LogCompleted(logger, requestId, (int)response.StatusCode);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var error = Map(response);
            LogFailed(logger, requestId, error.Error.Code);
            throw error;
        }

        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var retrievedAt = time.GetUtcNow();
        var provenance = new Provenance(ProbeServiceCollectionExtensions.Key, retrievedAt, null, retrievedAt, ShowWithoutRefresh: true);
        return new ProbeResult(Recorded<string>.From(body.RootElement.GetProperty("name").GetString(), ElementState.NotRecorded, provenance));
    }

    private GatewayException Map(HttpResponseMessage response)
    {
        var retryAfter = UpstreamErrors.RetryAfter(response, time);
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new(GatewayErrors.UpstreamAccessDenied),
            HttpStatusCode.NotFound => new(GatewayErrors.PatientNotFound),
            HttpStatusCode.TooManyRequests => UpstreamErrors.Busy(retryAfter ?? TimeSpan.FromSeconds(1)),
            HttpStatusCode.ServiceUnavailable => new(GatewayErrors.UpstreamUnavailable, retryAfter: retryAfter),
            _ => UpstreamErrors.Map(new UpstreamFailure(response.StatusCode, null, null, retryAfter)), // the shared arms: a redirect, any other status
        };
    }
}
