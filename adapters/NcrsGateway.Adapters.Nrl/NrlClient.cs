using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Fhir;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Nrl;

/// <summary>
/// Typed client for the NRL v3 consumer API. One logical request gets one <c>X-Request-ID</c>, set on the
/// request message before the resilience pipeline so every retry re-sends the same value.
/// </summary>
internal sealed partial class NrlClient(
    HttpClient http,
    [FromKeyedServices(SourceServices.Nrl)] IUpstreamTokenProvider tokens,
    IOptionsMonitor<NrlOptions> options,
    TimeProvider time,
    ILogger<NrlClient> logger) : IRecordLocator
{
    [GeneratedRegex("^[A-Za-z0-9.-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex PointerId();

    public async Task<PointerSearchResult> SearchAsync(PointerSearchQuery query, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var request = NrlSearchRequest.Create(query);
        using var response = await SendAsync(request, NrlOperation.Search, context, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return PointerSearchResult.Empty; // NRL answers 404 for a patient it holds no pointers for
        }

        if (await UpstreamResponses.ReadFhirAsync(response, "NRL", logger, cancellationToken).ConfigureAwait(false) is not Bundle bundle)
        {
            throw new GatewayException(GatewayErrors.UpstreamError);
        }

        var (result, skipped, hidden) = NrlSearchResults.Map(bundle, query.NhsNumber, options.CurrentValue.AllowHttpContentUrls, time.GetUtcNow());
        if (skipped > 0)
        {
            LogSkipped(logger, skipped);
        }

        if (hidden > 0)
        {
            LogHidden(logger, hidden);
        }

        return result;
    }

    public async Task<DocumentPointer> ReadAsync(string pointerId, RequestContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(pointerId) || !PointerId().IsMatch(pointerId))
        {
            throw new GatewayException(GatewayErrors.PointerNotFound);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "DocumentReference/" + pointerId);
        using var response = await SendAsync(request, NrlOperation.Read, context, cancellationToken).ConfigureAwait(false)
            ?? throw new GatewayException(GatewayErrors.PointerNotFound);
        if (await UpstreamResponses.ReadFhirAsync(response, "NRL", logger, cancellationToken).ConfigureAwait(false) is not DocumentReference wire)
        {
            throw new GatewayException(GatewayErrors.UpstreamError);
        }

        if (!NrlMapper.TryMap(wire, null, options.CurrentValue.AllowHttpContentUrls, time.GetUtcNow(), out var pointer, out var reason))
        {
            LogUnusablePointer(logger, reason);
            throw new GatewayException(GatewayErrors.UpstreamError, "The record locator returned a pointer that cannot be used safely.");
        }

        return pointer;
    }

    /// <summary>Sends with the NRL headers; null means a search 404 (no pointers), any other failure throws.</summary>
    private async Task<HttpResponseMessage?> SendAsync(HttpRequestMessage request, NrlOperation operation, RequestContext context, CancellationToken cancellationToken)
    {
        var requestId = await UpstreamRequests.AddHeadersAsync(request, context, options.CurrentValue.EndUserOrganisationOds, tokens, cancellationToken).ConfigureAwait(false);

        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && UpstreamErrors.Translate(e, options.CurrentValue.BreakDuration) is { } failure)
        {
            LogFailed(logger, operation, requestId, failure.Error.Code, null, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw failure;
        }

        LogCompleted(logger, operation, requestId, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return response;
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound && operation == NrlOperation.Search)
            {
                return null;
            }

            var error = NrlErrorMapper.Map(response, operation, time);
            var spineCode = await UpstreamErrors.ReadSpineCodeAsync(response, cancellationToken).ConfigureAwait(false);
            LogFailed(logger, operation, requestId, error.Error.Code, spineCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw error;
        }
    }
}
