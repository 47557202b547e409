using System.ComponentModel.DataAnnotations;

namespace NcrsGateway.Operations;

/// <summary><c>Operations</c>: the support lookup's journal.</summary>
public sealed class OperationsOptions
{
    public const string SectionName = "Operations";

    /// <summary>Requests each instance keeps in memory for <c>/ops/correlation/{id}</c> (a ring: the oldest go first).</summary>
    [Range(16, 100_000)]
    public int JournalCapacity { get; init; } = 2048;

    /// <summary>A request at least this slow is listed among the recent slow or failed requests.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan SlowRequestThreshold { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the shared copy (Redis, when configured) of a request's record is kept.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan SharedRetention { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Requests the recent slow or failed list answers with.</summary>
    [Range(1, 500)]
    public int RecentCount { get; init; } = 50;
}
