using System.ComponentModel.DataAnnotations;

namespace NcrsGateway.Caching.Redis;

/// <summary>The optional shared Redis, bound from <c>Redis</c>. Unset <see cref="Configuration"/>: every instance works alone.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>StackExchange.Redis configuration string (e.g. <c>redis:6379,password=…,ssl=true</c>). Unset: no Redis.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key and channel, so several gateways can share one Redis.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9:_-]{1,64}$")]
    public string InstanceName { get; set; } = "ncrs:";

    /// <summary>How long to wait for a connection before carrying on without Redis.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one Redis command may take before the gateway treats Redis as down for that request.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:10")]
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);
}
