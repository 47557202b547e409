using Microsoft.Extensions.Options;
using NcrsGateway.Core.Diagnostics;
using NcrsGateway.Core.Fhir;
using NcrsGateway.Fhir;

namespace NcrsGateway.Caching.Http;

/// <summary>
/// Puts the metadata cache in front of one endpoint. The key comes from the endpoint's already-bound arguments (the
/// feature parsed and audited them once, when binding). On a hit the handler is not called and the stored bytes are
/// written with headers prepared when the entry was admitted; on a miss the handler's own result is returned, with the
/// cache's headers, after the cache checked it is metadata. A result the cache must not hold (an error, a foreign
/// location) passes through as it is; nothing is thrown on any of these paths.
/// </summary>
public sealed class MetadataCacheFilter
{
    private readonly Func<EndpointFilterInvocationContext, MetadataCache, CacheEntryKey?> _keyOf;
    private readonly MetadataCache _cache;
    private readonly TimeProvider _time;
    private readonly FhirBaseUrl _baseUrl;
    private readonly IOptionsMonitor<CacheOptions> _options;
    private readonly Action<HttpContext, CachedFhirResponse>? _servedFromEntry;

    internal MetadataCacheFilter(Func<EndpointFilterInvocationContext, MetadataCache, CacheEntryKey?> keyOf, IServiceProvider services, Action<HttpContext, CachedFhirResponse>? servedFromEntry = null)
    {
        _keyOf = keyOf;
        _servedFromEntry = servedFromEntry;
        _cache = services.GetRequiredService<MetadataCache>();
        _time = services.GetRequiredService<TimeProvider>();
        _baseUrl = services.GetRequiredService<FhirBaseUrl>();
        _options = services.GetRequiredService<IOptionsMonitor<CacheOptions>>();
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!_cache.Enabled || _keyOf(context, _cache) is not { } key)
        {
            return await next(context).ConfigureAwait(false);
        }

        var baseUrl = _baseUrl.Value;
        var run = new SharedFetch();
        object? own = null; // this request's handler result, when this request ran the fetch
        CacheLookup? lookup;
        try
        {
            lookup = await _cache.TryGetOrFetchAsync(key, WantsRefresh(http.Request), async shared =>
            {
                if (!run.TryStart())
                {
                    throw new OperationCanceledException(shared); // this request left before its fetch started: waiters start another
                }

                try
                {
                    // Other callers wait on this fetch: it ends when the last of them gives up, not when this caller does.
                    UseCancellation(context, shared);
                    own = await next(context).ConfigureAwait(false);
                    return ToPayload(own, baseUrl, _time);
                }
                finally
                {
                    run.Finish();
                }
            }, http.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            await run.LeaveAsync().ConfigureAwait(false); // the fetch uses this request's context: keep it until the fetch ends
            throw;
        }

        if (lookup is null)
        {
            // Not cacheable: this request's own handler result as it is (a caller that waited on another caller's
            // uncacheable answer ran its own handler), never another caller's.
            return own;
        }

        var decision = lookup.Status switch
        {
            CacheStatus.Hit => "hit",
            CacheStatus.Refresh => "refresh",
            _ => "miss",
        };
        var timeline = http.Features.Get<RequestTimeline>();
        timeline?.SetCacheDecision(decision);
        if (GatewayMetrics.CacheLookups.Enabled)
        {
            var tags = GatewayMetrics.TagsFor(timeline?.Dimensions);
            tags.Add(GatewayMetrics.Tags.CacheProfile, key.Profile);
            tags.Add(GatewayMetrics.Tags.CacheDecision, decision);
            GatewayMetrics.CacheLookups.Add(1, tags);
        }

        System.Diagnostics.Activity.Current?.SetTag("ncrs.cache", decision); // the request's server span
        if (own is null)
        {
            _servedFromEntry?.Invoke(http, lookup.Entry); // this request's handler never ran
        }

        var window = _options.CurrentValue.ShowWithoutRefreshWindow;
        return new CachedFhirResult(lookup, baseUrl, _time.GetUtcNow(), window, own as IResult);
    }

    /// <summary>Gives the handler <paramref name="shared"/> in place of its caller's request-aborted token.</summary>
    private static void UseCancellation(EndpointFilterInvocationContext context, CancellationToken shared)
    {
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            if (context.Arguments[i] is CancellationToken)
            {
                context.Arguments[i] = shared;
            }
        }
    }

    /// <summary><c>Cache-Control: no-cache</c> (or <c>max-age=0</c>, or the legacy <c>Pragma: no-cache</c>) from the caller.</summary>
    internal static bool WantsRefresh(HttpRequest request)
    {
        var headers = request.Headers;
        if (headers.CacheControl.Count == 0 && headers.Pragma.Count == 0)
        {
            return false; // nearly every request: nothing to parse
        }

        var cacheControl = request.GetTypedHeaders().CacheControl;
        return cacheControl is { NoCache: true } or { MaxAge.Ticks: 0 }
               || headers.Pragma.Any(p => p?.Contains("no-cache", StringComparison.OrdinalIgnoreCase) == true);
    }

    /// <summary>What the cache stores for a handler's result; null when it must not be cached (errors, foreign locations).</summary>
    public static FhirPayload? ToPayload(object? result, string baseUrl, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(time);
        if (result is not FhirResult { StatusCode: StatusCodes.Status200OK } fhir)
        {
            return null; // errors and anything unexpected pass through uncached
        }

        string? relative = null;
        if (fhir.ContentLocation is { } location)
        {
            if (location.Length <= baseUrl.Length + 1
                || !location.StartsWith(baseUrl, StringComparison.Ordinal)
                || location[baseUrl.Length] != '/')
            {
                return null; // a location outside this gateway's base is never stored
            }

            relative = location[(baseUrl.Length + 1)..];
        }

        var provenance = fhir.Provenance ?? new Core.Model.Provenance("gateway", time.GetUtcNow(), null, null, ShowWithoutRefresh: true);
        return new FhirPayload(fhir.Body, FhirJson.MediaType, fhir.ETag, relative, provenance) { MetadataResourceType = fhir.MetadataResourceType };
    }
}
