using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NcrsGateway.Core.Errors;
using NcrsGateway.Events.Inbox;
using NcrsGateway.Fhir;
using NcrsGateway.Fhir.Security;

namespace NcrsGateway.Events.Operations;

/// <summary>
/// Operator endpoints (role <c>ops</c>): <c>GET /ops/events?status=&amp;since=&amp;limit=</c> lists inbox events,
/// <c>GET /ops/events/rejected?since=</c> the rejected ones, <c>POST /ops/events/reprocess</c> (by <c>id</c>,
/// <c>status</c>, <c>from</c>/<c>to</c>) puts events back to pending. Answers never name the patient.
/// </summary>
internal static class OpsEventsEndpoints
{
    public const int MaxLimit = 500;

    public static RouteGroupBuilder MapOpsEvents(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/ops/events").WithTags("Operations").WithMetadata(NoStore.Instance).RequireAuthorization(GatewayPolicies.Operator);
        group.MapGet("/", ListAsync).WithName("OpsListEvents");
        group.MapGet("/rejected", ListRejectedAsync).WithName("OpsListRejectedEvents");
        group.MapPost("/reprocess", ReprocessAsync).WithName("OpsReprocessEvents").DisableAntiforgery();
        return group;
    }

    private static async Task<IResult> ListAsync(string? status, string? since, int? limit, EventInbox inbox, CancellationToken cancellationToken)
    {
        if (status is not null && !InboxStatus.All.Contains(status))
        {
            throw new GatewayException(EventErrors.InvalidEventQuery, $"status must be one of {string.Join(", ", InboxStatus.All)}.");
        }

        var rows = await inbox.ListAsync(new InboxQuery(status, Time(since, "since"), Limit(limit)), cancellationToken).ConfigureAwait(false);
        return Results.Json(rows.Select(OpsEvent.From).ToList(), OpsJson.Default.ListOpsEvent);
    }

    private static async Task<IResult> ListRejectedAsync(string? since, int? limit, EventInbox inbox, CancellationToken cancellationToken)
    {
        var rows = await inbox.ListRejectedAsync(Time(since, "since"), Limit(limit), cancellationToken).ConfigureAwait(false);
        return Results.Json(rows.Select(OpsRejectedEvent.From).ToList(), OpsJson.Default.ListOpsRejectedEvent);
    }

    private static async Task<IResult> ReprocessAsync(HttpRequest request, EventInbox inbox, TimeProvider time, CancellationToken cancellationToken)
    {
        var values = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken).ConfigureAwait(false) : null;
        string? Value(string name) => values?[name].FirstOrDefault() ?? request.Query[name].FirstOrDefault();
        Guid? id = Value("id") is { } text ? (Guid.TryParse(text, CultureInfo.InvariantCulture, out var g) ? g : throw new GatewayException(EventErrors.InvalidEventQuery, "id must be an event id from GET /ops/events.")) : null;
        var status = Value("status");
        if (status is not null && status is not (InboxStatus.Pending or InboxStatus.Processed or InboxStatus.DeadLetter))
        {
            throw new GatewayException(EventErrors.InvalidEventQuery, "status must be pending, processed or dead-letter (ignored events are not reprocessed).");
        }

        var reprocess = new ReprocessRequest(id, status, Time(Value("from"), "from"), Time(Value("to"), "to"));
        if (reprocess.IsEmpty)
        {
            throw new GatewayException(EventErrors.InvalidEventQuery, "Say which events: id, status, or a from/to range of received times.");
        }

        var count = await inbox.ReprocessAsync(reprocess, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return Results.Json(new OpsReprocessResult(count), OpsJson.Default.OpsReprocessResult);
    }

    private static DateTimeOffset? Time(string? value, string name)
    {
        if (value is null)
        {
            return null;
        }

        return value.Length > 10 && (value.EndsWith('Z') || value[^6] is '+' or '-')
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
                ? t.ToUniversalTime()
                : throw new GatewayException(EventErrors.InvalidEventQuery, $"{name} must be an ISO 8601 date-time with a zone, such as 2026-12-01T09:00:00Z.");
    }

    private static int Limit(int? limit) => limit is null ? 100 : limit is >= 1 and <= MaxLimit
        ? limit.Value
        : throw new GatewayException(EventErrors.InvalidEventQuery, $"limit must be from 1 to {MaxLimit}.");
}

/// <summary>One inbox event as operators see it: no patient.</summary>
internal sealed record OpsEvent(
    Guid Id, string Source, string ExternalId, string Type, string Status, int Attempts, DateTimeOffset Received,
    DateTimeOffset? EventTime, long? VersionId, DateTimeOffset NextAttempt, DateTimeOffset? Processed, string? LastError)
{
    public static OpsEvent From(InboxRow r) =>
        new(r.Id, r.Source, r.ExternalId, r.Type, r.Status, r.Attempts, r.Received, r.EventTime, r.VersionId, r.NextAttempt, r.Processed, r.LastError);
}

/// <summary>One rejected event as operators see it.</summary>
internal sealed record OpsRejectedEvent(Guid Id, DateTimeOffset Received, string? Source, string? ExternalId, string? Type, int Position, string Format, string Reason)
{
    public static OpsRejectedEvent From(RejectedRow r) => new(r.Id, r.Received, r.Source, r.ExternalId, r.Type, r.Position, r.Format, r.Reason);
}

/// <summary>How many events a reprocess request put back to pending.</summary>
internal sealed record OpsReprocessResult(int Reprocessed);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<OpsEvent>))]
[JsonSerializable(typeof(List<OpsRejectedEvent>))]
[JsonSerializable(typeof(OpsReprocessResult))]
internal sealed partial class OpsJson : JsonSerializerContext;
