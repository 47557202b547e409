namespace NcrsGateway.Adapters.Http;

/// <summary>What <see cref="UpstreamBudget.EnterAsync"/> decided: go, or come back after <see cref="RetryAfter"/>.</summary>
/// <param name="Allowed">A token was taken: the call may be sent.</param>
/// <param name="RetryAfter">When refused, how long until the caller may try again.</param>
/// <param name="UpstreamPaused">Refused because the upstream's own Retry-After is still running (not our budget).</param>
internal readonly record struct BudgetDecision(bool Allowed, TimeSpan RetryAfter, bool UpstreamPaused)
{
    public static BudgetDecision Go => new(true, TimeSpan.Zero, false);

    public static BudgetDecision Over(TimeSpan retryAfter) => new(false, retryAfter, false);

    public static BudgetDecision Paused(TimeSpan retryAfter) => new(false, retryAfter, true);

    /// <summary>The refusal as the exception the send path translates (null when allowed).</summary>
    public Exception? Refusal => Allowed ? null
        : UpstreamPaused ? new UpstreamBackoffException(RetryAfter, circuitOpen: false)
        : new UpstreamBudgetException(RetryAfter);
}
