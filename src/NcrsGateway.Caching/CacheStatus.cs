namespace NcrsGateway.Caching;

/// <summary>How a response was obtained; written as <c>X-Cache</c>.</summary>
public enum CacheStatus
{
    /// <summary>Served from cache (this instance's memory or the shared Redis).</summary>
    Hit,

    /// <summary>Not cached (or expired): fetched upstream and stored.</summary>
    Miss,

    /// <summary>The caller sent <c>Cache-Control: no-cache</c>: fetched upstream and the entry overwritten.</summary>
    Refresh,
}
