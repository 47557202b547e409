using System.Net;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Model.Events;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Mns;

/// <summary>
/// Typed client for the MNS subscription API, on the shared <see cref="UpstreamSender"/>: <c>POST subscriptions</c>
/// (201 with the created Subscription) and <c>GET subscriptions</c> (a Bundle of them). One <c>X-Request-ID</c> per
/// logical request; the create is sent once, never replayed by the pipeline.
/// </summary>
internal sealed class MnsClient(
    HttpClient http,
    [FromKeyedServices(SourceServices.Mns)] IUpstreamTokenProvider tokens,
    IOptionsMonitor<MnsOptions> options,
    TimeProvider time,
    ILogger<MnsClient> logger) : IEventSubscriptions
{
    private const string Create = "subscribe";
    private const string List = "list-subscriptions";
    private const string Path = "subscriptions";

    private readonly UpstreamSender _sender = new("MNS", http, tokens, () => options.CurrentValue, time, logger);

    public async Task<EventSubscription> CreateAsync(EventSubscriptionRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        using var message = new HttpRequestMessage(HttpMethod.Post, Path) { Content = MnsMapper.ToBody(request) };
        var answer = await _sender.SendAsync(message, new UpstreamCall(Create, context) { Results = [HttpStatusCode.Created] }, cancellationToken).ConfigureAwait(false);
        return answer.Body is Subscription subscription && MnsMapper.From(subscription, time.GetUtcNow()) is { } created
            ? created
            : throw _sender.Unusable(answer, Create, "MNS did not answer the subscription it created.");
    }

    public async Task<IReadOnlyList<EventSubscription>> ListAsync(RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var message = new HttpRequestMessage(HttpMethod.Get, Path);
        var answer = await _sender.SendAsync(message, new UpstreamCall(List, context), cancellationToken).ConfigureAwait(false);
        if (answer.Body is not Bundle bundle)
        {
            throw _sender.Unusable(answer, List, "MNS did not answer a list of subscriptions.");
        }

        var now = time.GetUtcNow();
        return [.. bundle.Entry.Select(e => e.Resource).OfType<Subscription>().Select(s => MnsMapper.From(s, now)).OfType<EventSubscription>()];
    }
}
