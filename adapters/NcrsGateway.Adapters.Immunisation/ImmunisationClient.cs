using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Model.Immunisations;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Immunisation;

/// <summary>
/// Typed client for the Immunisation FHIR API search, on the shared <see cref="UpstreamSender"/>: one <c>X-Request-ID</c>
/// per logical request, re-sent on every retry. Its own error arms are <see cref="ImmunisationErrorMapper"/>. The query
/// type only exists for a valid NHS number and at least one vaccine type, so an invalid search is never sent.
/// </summary>
internal sealed partial class ImmunisationClient(
    HttpClient http,
    [FromKeyedServices(ImmunisationSource.Name)] IUpstreamTokenProvider tokens,
    IOptionsMonitor<ImmunisationOptions> options,
    TimeProvider time,
    ILogger<ImmunisationClient> logger) : IImmunisationHistory
{
    private const string Operation = "search";

    private readonly UpstreamSender _sender = new("Immunisation", http, tokens, () => options.CurrentValue, time, logger);

    public async Task<ImmunisationSearchResult> SearchAsync(ImmunisationSearchQuery query, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(context);
        using var request = new HttpRequestMessage(HttpMethod.Get, ImmunisationSearchParameters.ToRelativeUrl(query));
        var answer = await _sender.SendAsync(request, new UpstreamCall(Operation, context) { Errors = ImmunisationErrorMapper.Map }, cancellationToken).ConfigureAwait(false);
        if (answer.Body is not Bundle bundle)
        {
            throw _sender.Unusable(answer, Operation);
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
