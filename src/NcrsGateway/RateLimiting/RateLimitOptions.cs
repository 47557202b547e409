using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace NcrsGateway.RateLimiting;

/// <summary>Inbound rate limits, bound from <c>RateLimits</c>. Shared across instances when Redis is configured.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Turns inbound rate limiting off (e.g. when an API gateway in front already limits).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Per calling client: the token's <c>sub</c>, else its <c>client_id</c>, else the remote IP address.</summary>
    [Required]
    [ValidateObjectMembers]
    public TokenBucketLimit PerClient { get; set; } = new() { TokenLimit = 100, TokensPerPeriod = 50, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };

    /// <summary>Per organisation: the token's <c>ods</c> claim; authenticated tokens without one share one bucket of their own.</summary>
    [Required]
    [ValidateObjectMembers]
    public TokenBucketLimit PerOrganisation { get; set; } = new() { TokenLimit = 1000, TokensPerPeriod = 500, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };

    /// <summary>
    /// Callers without a valid token (401s, the sandbox's token route), all together: a bucket no authenticated caller
    /// shares. Each anonymous remote address is also held to <see cref="PerClient"/>.
    /// </summary>
    [Required]
    [ValidateObjectMembers]
    public TokenBucketLimit Anonymous { get; set; } = new() { TokenLimit = 200, TokensPerPeriod = 100, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };
}
