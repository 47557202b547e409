using System.Net;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Nrl;

/// <summary>
/// Typed client for the NRL v3 consumer API, on the shared <see cref="UpstreamSender"/>: one <c>X-Request-ID</c> per
/// logical request, re-sent on every retry. NRL's own error arms are <see cref="NrlErrorMapper"/>; a search 404 (a
/// patient with no pointers) is a result.
/// </summary>
internal sealed partial class NrlClient(
    HttpClient http,
    [FromKeyedServices(SourceServices.Nrl)] IUpstreamTokenProvider tokens,
    IOptionsMonitor<NrlOptions> options,
    TimeProvider time,
    ILogger<NrlClient> logger) : IRecordLocator
{
    private readonly UpstreamSender _sender = new("NRL", http, tokens, () => options.CurrentValue, time, logger);

    [GeneratedRegex("^[A-Za-z0-9.-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex PointerId();

    public async Task<PointerSearchResult> SearchAsync(PointerSearchQuery query, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var request = NrlSearchRequest.Create(query);
        var answer = await SendAsync(request, NrlOperation.Search, context, cancellationToken).ConfigureAwait(false);
        if (answer.Status == HttpStatusCode.NotFound)
        {
            return PointerSearchResult.Empty; // NRL answers 404 for a patient it holds no pointers for
        }

        if (answer.Body is not Bundle bundle)
        {
            throw _sender.Unusable(answer, Name(NrlOperation.Search));
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
        var answer = await SendAsync(request, NrlOperation.Read, context, cancellationToken).ConfigureAwait(false);
        if (answer.Body is not DocumentReference wire)
        {
            throw _sender.Unusable(answer, Name(NrlOperation.Read));
        }

        if (!NrlMapper.TryMap(wire, null, options.CurrentValue.AllowHttpContentUrls, time.GetUtcNow(), out var pointer, out var reason))
        {
            LogUnusablePointer(logger, reason);
            throw new GatewayException(GatewayErrors.UpstreamError, "The record locator returned a pointer that cannot be used safely.");
        }

        return pointer;
    }

    private Task<UpstreamAnswer> SendAsync(HttpRequestMessage request, NrlOperation operation, RequestContext context, CancellationToken cancellationToken) =>
        _sender.SendAsync(
            request,
            new UpstreamCall(Name(operation), context)
            {
                Errors = failure => NrlErrorMapper.Map(failure, operation),
                Results = operation == NrlOperation.Search ? [HttpStatusCode.NotFound] : [],
            },
            cancellationToken);

    private static string Name(NrlOperation operation) => operation == NrlOperation.Search ? "search" : "read";
}
