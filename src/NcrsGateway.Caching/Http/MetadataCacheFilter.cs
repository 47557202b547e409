using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NcrsGateway.Core.Fhir;
using NcrsGateway.Fhir;

namespace NcrsGateway.Caching.Http;

/// <summary>
/// Puts the metadata cache in front of one endpoint: on a hit the handler is not called and the stored bytes are
/// written; on a miss the handler's <see cref="FhirResult"/> is offered to the cache (which checks it is metadata).
/// </summary>
public sealed class MetadataCacheFilter(Func<HttpContext, MetadataCache, CacheEntryKey?> keyOf) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var cache = http.RequestServices.GetRequiredService<MetadataCache>();
        if (!cache.Enabled || keyOf(http, cache) is not { } key)
        {
            return await next(context).ConfigureAwait(false);
        }

        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        var baseUrl = http.RequestServices.GetRequiredService<FhirBaseUrl>().For(http.Request);
        CacheLookup lookup;
        var run = new SharedFetch();
        try
        {
            lookup = await cache.GetOrFetchAsync(key, WantsRefresh(http.Request), async shared =>
            {
                if (!run.TryStart())
                {
                    throw new OperationCanceledException(shared); // this request left before its fetch started: waiters start another
                }

                try
                {
                    // Other callers wait on this fetch: it ends when the last of them gives up, not when this caller does.
                    UseCancellation(context, shared);
                    var result = await next(context).ConfigureAwait(false);
                    return ToPayload(result, baseUrl, time) ?? throw new UncacheableResultException(result);
                }
                finally
                {
                    run.Finish();
                }
            }, http.RequestAborted).ConfigureAwait(false);
        }
        catch (UncacheableResultException e)
        {
            return e.Result;
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            await run.LeaveAsync().ConfigureAwait(false); // the fetch uses this request's context: keep it until the fetch ends
            throw;
        }

        var decision = lookup.Status switch
        {
            CacheStatus.Hit => "hit",
            CacheStatus.Refresh => "refresh",
            _ => "miss",
        };
        var timeline = http.Features.Get<Core.Diagnostics.RequestTimeline>();
        timeline?.SetCacheDecision(decision);
        if (Core.Diagnostics.GatewayMetrics.CacheLookups.Enabled)
        {
            var tags = Core.Diagnostics.GatewayMetrics.TagsFor(timeline?.Dimensions);
            tags.Add(Core.Diagnostics.GatewayMetrics.Tags.CacheProfile, key.Profile);
            tags.Add(Core.Diagnostics.GatewayMetrics.Tags.CacheDecision, decision);
            Core.Diagnostics.GatewayMetrics.CacheLookups.Add(1, tags);
        }

        System.Diagnostics.Activity.Current?.SetTag("ncrs.cache", decision); // the request's server span
        var window = http.RequestServices.GetRequiredService<IOptionsMonitor<CacheOptions>>().CurrentValue.ShowWithoutRefreshWindow;
        return new CachedFhirResult(lookup, baseUrl, time.GetUtcNow(), window);
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
        var cacheControl = request.GetTypedHeaders().CacheControl;
        return cacheControl is { NoCache: true } or { MaxAge.Ticks: 0 }
               || request.Headers.Pragma.Any(p => p?.Contains("no-cache", StringComparison.OrdinalIgnoreCase) == true);
    }

    /// <summary>What the cache stores for a handler's result; null when it must not be cached (errors, foreign locations).</summary>
    public static FhirPayload? ToPayload(object? result, string baseUrl, TimeProvider time)
    {
        if (result is not FhirResult { StatusCode: StatusCodes.Status200OK } fhir)
        {
            return null; // errors and anything unexpected pass through uncached
        }

        var relative = fhir.ContentLocation is { } location && location.StartsWith(baseUrl + "/", StringComparison.Ordinal)
            ? location[(baseUrl.Length + 1)..]
            : null;
        if (fhir.ContentLocation is not null && relative is null)
        {
            return null;
        }

        var provenance = fhir.Provenance ?? new Core.Model.Provenance("gateway", time.GetUtcNow(), null, null, ShowWithoutRefresh: true);
        return new FhirPayload(fhir.Body, FhirJson.MediaType, fhir.ETag, relative, provenance);
    }

    private sealed class UncacheableResultException(object? result) : Exception("The handler's result cannot be cached.")
    {
        public object? Result { get; } = result;
    }
}
