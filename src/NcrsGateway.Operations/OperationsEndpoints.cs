using System.Text.Json;
using Microsoft.Extensions.Options;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Ports;
using NcrsGateway.Fhir;
using NcrsGateway.Fhir.Security;

namespace NcrsGateway.Operations;

/// <summary>
/// <c>GET /ops/correlation/{id}</c> (one request's timeline, from this instance's journal and the shared store) and
/// <c>GET /ops/recent</c> (recent slow or failed requests): operations support only. Errors are OperationOutcomes.
/// </summary>
internal static partial class OperationsEndpoints
{
    public const int MaxCorrelationIdLength = 128;

    public static void MapOperationsApi(this IEndpointRouteBuilder routes)
    {
        var ops = routes.MapGroup("/ops").RequireAuthorization(GatewayPolicies.Support).WithMetadata(NoStore.Instance);
        ops.MapGet("/correlation/{id}", FindAsync).WithName("OpsCorrelation");
        ops.MapGet("/recent", RecentAsync).WithName("OpsRecent");
    }

    private static async Task<IResult> FindAsync(
        string id, RequestJournal journal, IServiceProvider services, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!SafeToken.IsValid(id, MaxCorrelationIdLength))
        {
            throw new GatewayException(GatewayErrors.InvalidRequest, "A correlation ID is 1 to 128 letters, digits and - _ . : (copy it from the X-Correlation-ID response header).");
        }

        var found = journal.Find(id).Select(CorrelationView.From).ToList();
        if (services.GetService<ISharedRequestTraces>() is { IsAvailable: true } shared)
        {
            try
            {
                foreach (var record in await shared.FindAsync(id).WaitAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (Read(record) is { } view && !found.Any(f => f.Instance == view.Instance && f.StartedAt == view.StartedAt))
                    {
                        found.Add(view);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSharedUnavailable(loggers.CreateLogger(typeof(OperationsEndpoints).FullName!), e.GetType().Name); // this instance's journal still answers
            }
        }

        if (found.Count == 0)
        {
            throw new GatewayException(GatewayErrors.NotFound, "No request with this correlation ID is kept: it may be older than the journal holds, or the ID may be mistyped.");
        }

        return Results.Json(new { correlationId = id, requests = found.OrderBy(f => f.StartedAt) }, CorrelationView.Json);
    }

    private static async Task<IResult> RecentAsync(RequestJournal journal, IOptions<OperationsOptions> options, IServiceProvider services, CancellationToken cancellationToken)
    {
        var count = options.Value.RecentCount;
        var recent = journal.Recent(count).Select(CorrelationView.From).ToList();
        if (services.GetService<ISharedRequestTraces>() is { IsAvailable: true } shared)
        {
            try
            {
                foreach (var record in await shared.RecentAsync(count).WaitAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (Read(record) is { } view && !recent.Any(f => f.Instance == view.Instance && f.StartedAt == view.StartedAt))
                    {
                        recent.Add(view);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // this instance's journal still answers
            }
        }

        return Results.Json(new { requests = recent.OrderByDescending(r => r.StartedAt).Take(count) }, CorrelationView.Json);
    }

    private static CorrelationView? Read(byte[] record)
    {
        try
        {
            return JsonSerializer.Deserialize<CorrelationView>(record, CorrelationView.Json);
        }
        catch (JsonException)
        {
            return null; // another version's record: skipped
        }
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Support lookup: the shared store could not be read ({ExceptionType}); answered from this instance's journal")]
    private static partial void LogSharedUnavailable(ILogger logger, string exceptionType);
}
