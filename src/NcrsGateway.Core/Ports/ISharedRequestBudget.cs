using NcrsGateway.Core.Adapters;

namespace NcrsGateway.Core.Ports;

/// <summary>
/// Token buckets shared by every gateway instance (Redis), one per upstream, so N instances together stay within an
/// upstream's <see cref="RequestBudget"/>. Holds nothing that may not be lost: a bucket that disappears starts full.
/// When it is not available (not configured, or down) each instance applies the budget on its own.
/// </summary>
public interface ISharedRequestBudget
{
    /// <summary>Configured, connected and answering: callers use their local bucket otherwise.</summary>
    bool IsAvailable { get; }

    /// <summary>
    /// Takes one token from <paramref name="bucket"/>: <see cref="TimeSpan.Zero"/> when taken, otherwise how long until one
    /// is due (the bucket refilling, or a pause still running). Throws when the store fails (the caller falls back).
    /// </summary>
    /// <param name="bucket">The upstream's bucket name, e.g. <c>pds</c>.</param>
    /// <param name="budget">Its rate and burst.</param>
    Task<TimeSpan> TryTakeAsync(string bucket, RequestBudget budget);

    /// <summary>Stops every instance taking tokens from <paramref name="bucket"/> for <paramref name="pause"/> (an upstream 429).</summary>
    /// <param name="bucket">The upstream's bucket name.</param>
    /// <param name="pause">How long the upstream asked for.</param>
    Task PauseAsync(string bucket, TimeSpan pause);
}
