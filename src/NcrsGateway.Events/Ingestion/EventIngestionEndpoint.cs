using System.Data.Common;
using Microsoft.Extensions.Options;
using NcrsGateway.Core.Errors;
using NcrsGateway.Correlation;
using NcrsGateway.Events.Inbox;
using NcrsGateway.Fhir;

namespace NcrsGateway.Events.Ingestion;

/// <summary>
/// <c>POST {Events:IngestionPath}</c>: where MNS delivers. Order matters: the sender is authenticated (no or wrong
/// credentials: 401, nothing read further, nothing stored); the body is read within the size limit before any
/// parsing; events are parsed and validated; every valid event and every rejection is committed in one
/// transaction; only then is the sender answered. A store outage answers 503 with Retry-After, so MNS retries.
/// </summary>
internal static partial class EventIngestionEndpoint
{
    public static IEndpointConventionBuilder MapEventIngestion(this IEndpointRouteBuilder routes, string path) =>
        routes.MapPost(path, IngestAsync)
            .AllowAnonymous() // the sender is a system authenticated here by its secret or signature, not a CIS2 user
            .WithMetadata(NoStore.Instance)
            .DisableAntiforgery()
            .WithName("IngestEvents")
            .WithTags("Events");

    private static async Task<IResult> IngestAsync(
        HttpContext http,
        SenderAuthenticator authenticator,
        EventInbox inbox,
        IOptions<EventsOptions> options,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(EventIngestionEndpoint).FullName!);
        var o = options.Value;
        var bySecret = authenticator.HasValidSecret(http.Request);
        if (!bySecret && string.IsNullOrWhiteSpace(o.SigningKey))
        {
            LogUnauthenticated(logger);
            throw new GatewayException(EventErrors.SenderUnauthenticated);
        }

        var body = await BoundedBody.ReadAsync(http.Request, o.MaxRequestBytes, cancellationToken).ConfigureAwait(false);
        if (!bySecret && !authenticator.HasValidSignature(http.Request, body.Span))
        {
            LogUnauthenticated(logger);
            throw new GatewayException(EventErrors.SenderUnauthenticated);
        }

        var delivery = EventParser.Parse(body, http.Request.ContentType, o.MaxBatchEvents);
        StoreOutcome stored;
        try
        {
            stored = await inbox.StoreAsync(delivery, time.GetUtcNow(), o.CoalesceWindow, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            LogStoreFailed(logger, e.GetType().Name);
            throw new GatewayException(EventErrors.EventsUnavailable, retryAfter: TimeSpan.FromSeconds(30), inner: e);
        }

        LogDelivery(logger, delivery.Format, stored.Stored, stored.Duplicates, stored.Rejected);
        return DeliveryOutcome.For(delivery, stored, http.CorrelationId());
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Event delivery refused: the sender presented no valid secret or signature; nothing stored")]
    private static partial void LogUnauthenticated(ILogger logger);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Event delivery ({Format}): {Stored} stored, {Duplicates} duplicates, {Rejected} rejected")]
    private static partial void LogDelivery(ILogger logger, string format, int stored, int duplicates, int rejected);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "Event delivery not stored ({ExceptionType}): answered events-unavailable so the sender retries")]
    private static partial void LogStoreFailed(ILogger logger, string exceptionType);
}
