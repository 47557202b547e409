using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NcrsGateway.Core.Errors;
using NcrsGateway.Fhir;
using NcrsGateway.Caching.Redis;
using NcrsGateway.Hosting;
using NcrsGateway.Security;
using NcrsGateway.Fhir.Security;

namespace NcrsGateway.RateLimiting;

/// <summary>
/// Inbound rate limits: a token bucket per client and one per organisation, chained (both must allow). Callers without a
/// valid token have partitions of their own (per remote address, and one bucket for all of them): anonymous traffic
/// never drains a bucket an authenticated caller uses. Over the
/// limit the caller gets 429 with an OperationOutcome (rate-limited) and Retry-After. Endpoints marked
/// <c>DisableRateLimiting()</c> (capability statement, health) are never limited: the rate limiter skips them itself. Runs after authentication so the token's claims pick the partitions.
/// </summary>
internal static partial class GatewayRateLimiting
{
    /// <summary>The organisation bucket of authenticated tokens without an <c>ods</c> claim (not a valid ODS code).</summary>
    internal const string NoOrganisation = "org-none";

    /// <summary>The one bucket every unauthenticated caller shares (its own, never an organisation's).</summary>
    internal const string AnonymousPartition = "anon";

    public static WebApplicationBuilder AddGatewayRateLimiting(this WebApplicationBuilder builder)
    {
        builder.AddGatewayRedis();
        var services = builder.Services;
        services.AddOptions<RateLimitOptions>()
            .Bind(builder.Configuration.GetSection(RateLimitOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsRules>());
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>()
            .Configure<RedisConnection, IOptions<RateLimitOptions>, ILoggerFactory>((o, redis, limits, loggers) =>
            {
                if (!limits.Value.Enabled)
                {
                    return;
                }

                var logger = loggers.CreateLogger(typeof(GatewayRateLimiting).FullName!);
                o.GlobalLimiter = CreateLimiter(limits.Value, redis, logger);
                o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                var retryAfter = Max(limits.Value.PerClient.ReplenishmentPeriod, Max(limits.Value.PerOrganisation.ReplenishmentPeriod, limits.Value.Anonymous.ReplenishmentPeriod));
                o.OnRejected = (context, _) =>
                {
                    var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var fromLease) && fromLease > TimeSpan.Zero ? fromLease : retryAfter;
                    LogRejected(logger, (int)Math.Ceiling(wait.TotalSeconds));
                    Core.Diagnostics.GatewayMetrics.RateLimitRejections.Add(1, Core.Diagnostics.GatewayMetrics.TagsFor(context.HttpContext.Features.Get<Core.Diagnostics.RequestTimeline>()?.Dimensions));
                    return new ValueTask(OperationOutcomes.WriteAsync(context.HttpContext, new GatewayException(GatewayErrors.RateLimited, retryAfter: wait)));
                };
            });
        return builder;
    }

    public static WebApplication UseGatewayRateLimiting(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    internal static PartitionedRateLimiter<HttpContext> CreateLimiter(RateLimitOptions limits, RedisConnection redis, ILogger logger) =>
        PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(http =>
                RateLimitPartition.Get(ClientPartition(http), key => new SharedTokenBucket(key, limits.PerClient, redis, logger))),
            PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var group = GroupPartition(http);
                var limit = group == AnonymousPartition ? limits.Anonymous : limits.PerOrganisation;
                return RateLimitPartition.Get(group, key => new SharedTokenBucket(key, limit, redis, logger));
            }));

    /// <summary>
    /// The per-client partition: <c>client:</c> + token subject, else client application, else remote address for an
    /// authenticated caller; <c>anon:</c> + remote address for a caller without a valid token.
    /// </summary>
    internal static string ClientPartition(HttpContext http) =>
        !IsAuthenticated(http) ? "anon:ip:" + RemoteAddress(http)
        : http.User.FindFirst(GatewayClaims.UserId)?.Value is { Length: > 0 } sub ? "client:sub:" + sub
        : http.User.FindFirst(GatewayClaims.ClientApp)?.Value is { Length: > 0 } app ? "client:app:" + app
        : "client:ip:" + RemoteAddress(http);

    /// <summary>
    /// The shared partition: <c>org:</c> + the token's ODS claim (never a header a caller can set); <see cref="NoOrganisation"/>
    /// for a token without one; <see cref="AnonymousPartition"/> for every caller without a valid token.
    /// </summary>
    internal static string GroupPartition(HttpContext http) =>
        !IsAuthenticated(http) ? AnonymousPartition
        : http.User.FindFirst(GatewayClaims.OrganisationOds)?.Value is { Length: > 0 } ods ? "org:" + ods
        : NoOrganisation;

    private static bool IsAuthenticated(HttpContext http) => http.User.Identity?.IsAuthenticated == true;

    private static string RemoteAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(EventId = 4401, Level = LogLevel.Information, Message = "Request rate-limited; caller told to retry after {RetryAfterSeconds} s")]
    private static partial void LogRejected(ILogger logger, int retryAfterSeconds);
}
