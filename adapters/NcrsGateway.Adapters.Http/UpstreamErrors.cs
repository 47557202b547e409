using System.Net;
using Hl7.Fhir.Model;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Fhir;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace NcrsGateway.Adapters.Http;

/// <summary>
/// The parts of upstream failure handling every adapter shares: transport and resilience failures, and the common arms of
/// the status map. What a status means for one upstream in particular (a 404, a 403, a Spine code) stays in that adapter.
/// </summary>
public static class UpstreamErrors
{
    /// <summary>The sentence a caller gets when an upstream answered with a redirect, which no adapter follows.</summary>
    public const string Redirected = "The national service answered with a redirect, which the gateway does not follow.";

    /// <summary>
    /// The common arms of every adapter's status map, after the adapter's own <paramref name="specific"/> arms: 401/403
    /// <c>upstream-access-denied</c>, 408/504 <c>upstream-timeout</c>, 429 <c>upstream-busy</c> (with the upstream's
    /// Retry-After, at least 1 s), 503 <c>upstream-unavailable</c> (with its Retry-After when it sent one), a redirect
    /// (never followed) or anything else <c>upstream-error</c>. Upstream diagnostics never reach the caller.
    /// </summary>
    /// <param name="failure">The upstream's error answer.</param>
    /// <param name="specific">The adapter's own arms, consulted first.</param>
    public static GatewayException Map(UpstreamFailure failure, UpstreamErrorMap? specific = null)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return specific?.Invoke(failure) ?? failure.Status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new(GatewayErrors.UpstreamAccessDenied),
            HttpStatusCode.RequestTimeout or HttpStatusCode.GatewayTimeout => new(GatewayErrors.UpstreamTimeout),
            HttpStatusCode.TooManyRequests => Busy(failure.RetryAfter ?? TimeSpan.FromSeconds(1)),
            HttpStatusCode.ServiceUnavailable => new(GatewayErrors.UpstreamUnavailable, retryAfter: failure.RetryAfter),
            >= HttpStatusCode.MultipleChoices and < HttpStatusCode.BadRequest => new(GatewayErrors.UpstreamError, Redirected),
            _ => new(GatewayErrors.UpstreamError),
        };
    }

    /// <summary>
    /// Translates a failure thrown by the resilience pipeline or the transport into the gateway taxonomy,
    /// or null when it is not an upstream failure (so it propagates unchanged).
    /// </summary>
    /// <param name="e">What the send threw.</param>
    /// <param name="breakDuration">
    /// The configured break duration, offered as Retry-After for an open circuit whose remaining break time is not known.
    /// </param>
    public static GatewayException? Translate(Exception e, TimeSpan breakDuration) => e switch
    {
        TimeoutRejectedException or TaskCanceledException => new(GatewayErrors.UpstreamTimeout, inner: e),
        UpstreamBackoffException { CircuitOpen: true } open => new(
            GatewayErrors.UpstreamUnavailable, $"The gateway will try the national service again in {Seconds(open.RetryAfter)}.", AtLeastOneSecond(open.RetryAfter), e),
        UpstreamBackoffException busy => Busy(busy.RetryAfter, e),
        UpstreamBudgetException over => new(
            GatewayErrors.UpstreamRateLimited,
            $"The gateway keeps its calls to the national service within the service's request limit, and this one could not be sent in time. Try again in {Seconds(over.RetryAfter)}; if the patient is with you now, use local records meanwhile.",
            AtLeastOneSecond(over.RetryAfter),
            e),
        UpstreamResponseTooLargeException => new(GatewayErrors.UpstreamError, inner: e),
        BrokenCircuitException => new(GatewayErrors.UpstreamUnavailable, retryAfter: breakDuration, inner: e),
        RateLimiterRejectedException limited => new(GatewayErrors.UpstreamUnavailable, retryAfter: limited.RetryAfter ?? TimeSpan.FromSeconds(1), inner: e),
        HttpRequestException => new(GatewayErrors.UpstreamUnavailable, inner: e),
        _ => null,
    };

    /// <summary>
    /// <c>upstream-busy</c>: the upstream asked not to be called for <paramref name="wait"/>; the caller gets the time left
    /// both as Retry-After and in the sentence.
    /// </summary>
    /// <param name="wait">How long until the upstream may be called again.</param>
    /// <param name="inner">What caused it, if anything.</param>
    public static GatewayException Busy(TimeSpan wait, Exception? inner = null) =>
        new(GatewayErrors.UpstreamRateLimited, $"Try again in {Seconds(wait)}.", AtLeastOneSecond(wait), inner);

    /// <summary>The upstream's Retry-After as a wait (a past date reads as zero), or null when it sent none.</summary>
    /// <param name="response">The upstream response.</param>
    /// <param name="time">Clock used to read a dated Retry-After.</param>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(time);
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is not { } date)
        {
            return null;
        }

        var wait = date - time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private static TimeSpan AtLeastOneSecond(TimeSpan wait) => TimeSpan.FromSeconds(WholeSeconds(wait));

    private static int WholeSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    private static string Seconds(TimeSpan wait) => WholeSeconds(wait) is 1 ? "1 second" : $"{WholeSeconds(wait)} seconds";

    /// <summary>The first Spine error code in an OperationOutcome's issue details, if any.</summary>
    /// <param name="outcome">The outcome, or null.</param>
    public static string? SpineCode(OperationOutcome? outcome) =>
        outcome?.Issue.SelectMany(i => i.Details?.Coding ?? []).Select(c => c.Code).FirstOrDefault(c => c is not null);
}
