using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NcrsGateway.Core.Errors;
using NcrsGateway.Fhir;
using NcrsGateway.Caching.Redis;
using NcrsGateway.Hosting;
using NcrsGateway.Security;

namespace NcrsGateway.RateLimiting;

/// <summary>
/// Inbound rate limits: a token bucket per client and one per organisation, chained (both must allow). Over the
/// limit the caller gets 429 with an OperationOutcome (rate-limited) and Retry-After. Endpoints marked
/// <c>DisableRateLimiting()</c> (capability statement, health) are never limited: the rate limiter skips them itself. Runs after authentication so the token's claims pick the partitions.
/// </summary>
internal static partial class GatewayRateLimiting
{
    private const string Anonymous = "anonymous";

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
                var retryAfter = Max(limits.Value.PerClient.ReplenishmentPeriod, limits.Value.PerOrganisation.ReplenishmentPeriod);
                o.OnRejected = (context, _) =>
                {
                    var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var fromLease) && fromLease > TimeSpan.Zero ? fromLease : retryAfter;
                    LogRejected(logger, (int)Math.Ceiling(wait.TotalSeconds));
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
                RateLimitPartition.Get("client:" + ClientOf(http), key => new SharedTokenBucket(key, limits.PerClient, redis, logger))),
            PartitionedRateLimiter.Create<HttpContext, string>(http =>
                RateLimitPartition.Get("org:" + OrganisationOf(http), key => new SharedTokenBucket(key, limits.PerOrganisation, redis, logger))));

    /// <summary>The calling client: token subject, else client application, else remote address.</summary>
    internal static string ClientOf(HttpContext http) =>
        http.User.FindFirst(GatewayClaims.UserId)?.Value is { Length: > 0 } sub ? "sub:" + sub
        : http.User.FindFirst(GatewayClaims.ClientApp)?.Value is { Length: > 0 } app ? "app:" + app
        : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>The caller's organisation from the token's ODS claim only (never a header a caller can set).</summary>
    internal static string OrganisationOf(HttpContext http) =>
        http.User.FindFirst(GatewayClaims.OrganisationOds)?.Value is { Length: > 0 } ods ? ods : Anonymous;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(EventId = 4401, Level = LogLevel.Information, Message = "Request rate-limited; caller told to retry after {RetryAfterSeconds} s")]
    private static partial void LogRejected(ILogger logger, int retryAfterSeconds);
}
