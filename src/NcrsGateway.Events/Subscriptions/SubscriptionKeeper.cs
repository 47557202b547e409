using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NcrsGateway.Core.Model.Events;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Events.Subscriptions;

/// <summary>
/// Keeps one MNS subscription per configured event type (<c>Events:SubscribeTo</c>, delivered to
/// <c>Events:DeliveryEndpoint</c>): the gateway's first writes to a national service, made idempotent here. Each create
/// is first recorded in the <see cref="SubscriptionLedger"/> by business key and request hash; only the instance that
/// recorded it (or resumed it after its lease ran out) sends it, and a resumed create first looks for a subscription an
/// earlier attempt may have made before it could record the answer. A create already recorded answers with its first
/// result and calls nothing, on any instance, after any restart.
/// </summary>
internal sealed partial class SubscriptionKeeper(
    SubscriptionLedger ledger,
    IServiceProvider services,
    IOptions<EventsOptions> options,
    TimeProvider time,
    ILogger<SubscriptionKeeper> logger) : BackgroundService
{
    /// <summary>How long an instance may take to send one create before another may resume it.</summary>
    public static readonly TimeSpan CreateLease = TimeSpan.FromMinutes(2);

    public string Owner { get; } = Environment.MachineName + "/" + Guid.NewGuid().ToString("N");

    /// <summary>The configured subscriptions.</summary>
    public IReadOnlyList<EventSubscriptionRequest> Wanted =>
        [.. options.Value.SubscribeTo.Distinct(StringComparer.Ordinal).Select(t => new EventSubscriptionRequest(t, options.Value.DeliveryEndpoint!))];

    /// <summary>Makes sure the subscription exists, creating it upstream at most once for its business key.</summary>
    public async Task<SubscriptionOutcome> EnsureAsync(EventSubscriptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hash = RequestHash(request);
        var (claim, row) = await ledger.ClaimAsync(request.BusinessKey, hash, Owner, time.GetUtcNow(), CreateLease, cancellationToken).ConfigureAwait(false);
        if (!CryptographicOperations.FixedTimeEquals(row.RequestHash, hash))
        {
            LogConflict(logger, request.EventType);
            return new SubscriptionOutcome(SubscriptionOutcome.Conflict, row.UpstreamId);
        }

        if (row.State == LedgerRow.Created)
        {
            return new SubscriptionOutcome(SubscriptionOutcome.Replayed, row.UpstreamId);
        }

        if (claim == LedgerClaim.None)
        {
            return new SubscriptionOutcome(SubscriptionOutcome.InProgress, null);
        }

        var mns = services.GetRequiredService<IEventSubscriptions>();
        var context = new RequestContext("mns-subscribe-" + Guid.NewGuid().ToString("N")[..12], null) { Priority = RequestPriority.Background };
        try
        {
            var kind = SubscriptionOutcome.Created;
            EventSubscription? subscription = null;
            if (claim == LedgerClaim.Resumed)
            {
                // an earlier attempt may have reached MNS before its answer was recorded: adopt what it made
                subscription = (await mns.ListAsync(context, cancellationToken).ConfigureAwait(false))
                    .FirstOrDefault(s => s.EventType == request.EventType && s.Endpoint == request.Endpoint && s.Status is not ("off" or "error"));
                kind = subscription is null ? kind : SubscriptionOutcome.Adopted;
            }

            subscription ??= await mns.CreateAsync(request, context, cancellationToken).ConfigureAwait(false);
            if (!await ledger.CompleteAsync(request.BusinessKey, Owner, subscription.Id, subscription.Status, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            {
                LogLeaseLost(logger, request.EventType);
            }

            LogEnsured(logger, request.EventType, kind);
            return new SubscriptionOutcome(kind, subscription.Id);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = e is Core.Errors.GatewayException g ? g.Error.Code : e.GetType().Name;
            await ledger.ReleaseAsync(request.BusinessKey, Owner, reason, CancellationToken.None).ConfigureAwait(false);
            LogFailed(logger, request.EventType, reason);
            return new SubscriptionOutcome(SubscriptionOutcome.Failed, null);
        }
    }

    /// <summary>SHA-256 of everything the create sends, in a fixed form: a different request under the same business key is a conflict, never a replay.</summary>
    public static byte[] RequestHash(EventSubscriptionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SHA256.HashData(Encoding.UTF8.GetBytes($"mns-subscription/1\nrest-hook\napplication/json\n{request.EventType}\n{request.Endpoint.AbsoluteUri}"));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var settled = true;
            foreach (var wanted in Wanted)
            {
                try
                {
                    settled &= (await EnsureAsync(wanted, stoppingToken).ConfigureAwait(false)).IsSettled;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFailed(logger, wanted.EventType, e.GetType().Name); // the ledger itself is unavailable: try again later
                    settled = false;
                }
            }

            try
            {
                await Task.Delay(settled ? o.SubscriptionCheckInterval : o.MaxRetryDelay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 5030, Level = LogLevel.Information, Message = "MNS subscription for {EventType}: {Outcome}")]
    private static partial void LogEnsured(ILogger logger, string eventType, string outcome);

    [LoggerMessage(EventId = 5031, Level = LogLevel.Warning, Message = "MNS subscription for {EventType} not made ({Reason}); it will be tried again, looking for what the attempt made first")]
    private static partial void LogFailed(ILogger logger, string eventType, string reason);

    [LoggerMessage(EventId = 5032, Level = LogLevel.Error, Message = "MNS subscription for {EventType}: the ledger holds a different request under the same event type and endpoint; nothing sent. Clear the row in event_subscriptions to replace it")]
    private static partial void LogConflict(ILogger logger, string eventType);

    [LoggerMessage(EventId = 5033, Level = LogLevel.Warning, Message = "MNS subscription for {EventType}: this instance's lease was taken over before it recorded the result")]
    private static partial void LogLeaseLost(ILogger logger, string eventType);
}
