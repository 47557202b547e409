namespace NcrsGateway.Adapters.Http;

/// <summary>
/// A call the upstream's request budget could not fit in within its wait: it was never sent.
/// <see cref="UpstreamErrors.Translate"/> turns it into <c>upstream-busy</c> with <see cref="RetryAfter"/>.
/// </summary>
public sealed class UpstreamBudgetException : Exception
{
    public UpstreamBudgetException()
        : this(TimeSpan.FromSeconds(1))
    {
    }

    public UpstreamBudgetException(string message)
        : base(message)
    {
    }

    public UpstreamBudgetException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public UpstreamBudgetException(TimeSpan retryAfter)
        : base("The upstream's request budget had no slot in time.") => RetryAfter = retryAfter;

    /// <summary>When the caller may try again.</summary>
    public TimeSpan RetryAfter { get; }
}
