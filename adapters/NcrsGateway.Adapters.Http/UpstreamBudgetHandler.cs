using System.Diagnostics;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Http;

/// <summary>
/// Outside the resilience handler, once per logical call: takes the call's first token from the upstream's budget
/// (waiting at most <c>maxWait</c>, without holding a concurrency permit) or refuses the call before it reaches the
/// pipeline. It leaves the call's priority and wait deadline on the request for <see cref="UpstreamAttemptBudgetHandler"/>,
/// which takes a token for each retry.
/// </summary>
internal sealed class UpstreamBudgetHandler(UpstreamBudget budget, TimeSpan maxWait) : DelegatingHandler
{
    /// <summary>Who is waiting for the call (set by <see cref="UpstreamSender"/> from the caller's context).</summary>
    public static readonly HttpRequestOptionsKey<RequestPriority> Priority = new("NcrsGateway.Upstream.Priority");

    /// <summary>The first attempt's token is taken: the next attempt needs none.</summary>
    internal static readonly HttpRequestOptionsKey<bool> TokenHeld = new("NcrsGateway.Upstream.TokenHeld");

    /// <summary>Stopwatch timestamp until which the call may wait for budget (retries included).</summary>
    internal static readonly HttpRequestOptionsKey<long> WaitDeadline = new("NcrsGateway.Upstream.WaitDeadline");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var priority = request.Options.TryGetValue(Priority, out var p) ? p : RequestPriority.Clinical;
        var decision = await budget.EnterAsync(priority, maxWait, cancellationToken).ConfigureAwait(false);
        if (decision.Refusal is { } refused)
        {
            throw refused;
        }

        request.Options.Set(TokenHeld, true);
        request.Options.Set(WaitDeadline, started + (long)(maxWait.TotalSeconds * Stopwatch.Frequency));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
