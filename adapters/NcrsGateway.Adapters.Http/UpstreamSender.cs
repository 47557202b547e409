using System.Diagnostics;
using System.Net;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Logging;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Fhir;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Http;

/// <summary>
/// The one send / time / log / translate path of every HTTP adapter. Per logical request it sets the NHS API headers once,
/// before the resilience pipeline (<see cref="UpstreamRequests.AddHeadersAsync"/>: one <c>X-Request-ID</c>, re-sent on
/// every retry; the caller's correlation ID; the caller's ODS or the configured one; the keyed provider's token), times
/// the call on the injected <see cref="TimeProvider"/>, logs one line per answer and one per failure (upstream name,
/// operation, status, error code, elapsed time and request ID: never a URL or identifier), translates transport and
/// resilience failures (<see cref="UpstreamErrors.Translate"/>) and maps error statuses through the adapter's own arms
/// and then the common ones (<see cref="UpstreamErrors.Map"/>). The adapter's client keeps only what is its own: the
/// request it builds, its error arms, and the mapping of the body.
/// </summary>
/// <param name="upstream">The upstream's name in log lines, e.g. <c>PDS</c>.</param>
/// <param name="http">The adapter's typed client (with the shared resilience pipeline).</param>
/// <param name="tokens">The adapter's keyed token provider.</param>
/// <param name="options">The adapter's current options.</param>
/// <param name="time">The injected clock.</param>
/// <param name="logger">The adapter's logger (so its log category stays the adapter's).</param>
public sealed partial class UpstreamSender(
    string upstream, HttpClient http, IUpstreamTokenProvider tokens, Func<UpstreamOptions> options, TimeProvider time, ILogger logger)
{
    /// <summary>
    /// The <c>ncrs.upstream</c> tag on spans and metrics: the lower-case adapter name (<c>pds</c>), the same value the
    /// request budget's and breaker's metrics carry, so one dashboard filter finds every series of an upstream.
    /// </summary>
    private readonly string _tag = upstream.ToLowerInvariant();

    /// <summary>Sends <paramref name="request"/> as one logical request; throws a <see cref="GatewayException"/> for every failure.</summary>
    /// <param name="request">The outbound request (relative to the adapter's base URL); its headers are set here.</param>
    /// <param name="call">The operation's name, the caller's context and the adapter's error arms.</param>
    /// <param name="cancellationToken">The caller's cancellation: a cancelled call is not translated.</param>
    public async Task<UpstreamAnswer> SendAsync(HttpRequestMessage request, UpstreamCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(call);
        var current = options();
        var requestId = await UpstreamRequests.AddHeadersAsync(request, call.Context, current.EndUserOrganisationOds, tokens, cancellationToken).ConfigureAwait(false);
        request.Options.Set(UpstreamBudgetHandler.Priority, call.Context.Priority);

        var started = time.GetTimestamp();
        var timeline = call.Context.Timeline;
        var timelineStarted = timeline?.Timestamp() ?? 0;
        var attempts = new UpstreamAttempts { Dimensions = timeline?.Dimensions };
        request.Options.Set(UpstreamAttempts.Key, attempts);
        using var activity = UpstreamTelemetry.Source.HasListeners()
            ? UpstreamTelemetry.Source.StartActivity($"{upstream} {call.Operation}", ActivityKind.Internal, Activity.Current?.Context ?? call.Context.TraceParent)
            : null;
        activity?.SetTag("ncrs.upstream", _tag);
        activity?.SetTag("ncrs.upstream.operation", call.Operation);
        activity?.SetTag("correlation.id", call.Context.CorrelationId);
        var outcome = "ok";
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = response.StatusCode;
            LogCompleted(logger, upstream, call.Operation, requestId, (int)status, ElapsedMs(started));
            if (status == HttpStatusCode.OK || call.Results.Contains(status))
            {
                var body = await UpstreamResponses.ReadFhirAsync(response, upstream, logger, cancellationToken).ConfigureAwait(false);
                return new UpstreamAnswer(status, body, response.Headers, requestId, time.GetElapsedTime(started));
            }

            var failure = await FailureAsync(response, cancellationToken).ConfigureAwait(false);
            var error = UpstreamErrors.Map(failure, call.Errors);
            outcome = error.Error.Code;
            LogFailed(logger, upstream, call.Operation, requestId, error.Error.Code, failure.SpineCode, ElapsedMs(started));
            throw error;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && UpstreamErrors.Translate(e, current.BreakDuration) is { } failure)
        {
            outcome = UpstreamTelemetry.Outcome(e, failure);
            LogFailed(logger, upstream, call.Operation, requestId, failure.Error.Code, null, ElapsedMs(started));
            throw failure; // the connection failed, a timeout or the breaker ended it, or the body stalled or was too large
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            UpstreamTelemetry.Finish(activity, attempts, outcome);
            UpstreamTelemetry.Record(_tag, time.GetElapsedTime(started), attempts, outcome, timeline?.Dimensions);
            timeline?.AddUpstreamCall(upstream, timelineStarted, attempts.LastStatus, attempts.Count, outcome);
        }
    }

    /// <summary>
    /// An answer whose body the adapter cannot use (not the resource it asked for): logged as a failed call, and
    /// <c>upstream-error</c> (or <paramref name="error"/>) for the caller.
    /// </summary>
    /// <param name="answer">The answer that came back.</param>
    /// <param name="operation">The operation's name in log lines.</param>
    /// <param name="detail">An extra sentence for the caller.</param>
    /// <param name="error">The taxonomy entry, <see cref="GatewayErrors.UpstreamError"/> unless told.</param>
    public GatewayException Unusable(UpstreamAnswer answer, string operation, string? detail = null, GatewayError? error = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var refused = new GatewayException(error ?? GatewayErrors.UpstreamError, detail);
        LogFailed(logger, upstream, operation, answer.RequestId, refused.Error.Code, null, answer.Elapsed.TotalMilliseconds);
        return refused;
    }

    private async Task<UpstreamFailure> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var read = await UpstreamFhirReader.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        return new UpstreamFailure(response.StatusCode, read.Resource, UpstreamErrors.SpineCode(read.Resource as OperationOutcome), UpstreamErrors.RetryAfter(response, time));
    }

    private double ElapsedMs(long started) => time.GetElapsedTime(started).TotalMilliseconds;
}
