using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using NcrsGateway.Core.Ports;
using NcrsGateway.Events.Processing;

namespace NcrsGateway.Events.Subscribers;

/// <summary>
/// Sends queued signals: claims due rows under a lease (several instances share them safely), POSTs each with a timeout,
/// and on failure retries with exponential backoff until <c>Events:Subscribers:RetryHorizon</c> after the signal was
/// queued; past it the signal goes to dead-letter and its Subscription to <c>error</c>. Rows are durable: a restart
/// picks up where the last instance stopped (a row leased by an instance that died is taken again after its lease).
/// </summary>
internal sealed partial class SubscriberDeliveryWorker(
    SubscriberStore store,
    IPatientProtector protector,
    IOptions<EventsOptions> options,
    TimeProvider time,
    ILogger<SubscriberDeliveryWorker> logger) : PollingWorker(time)
{
    private const int ClaimBatchSize = 20;

    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    protected override TimeSpan PollInterval => options.Value.Subscribers.PollInterval;

    protected override void PollFailed(Exception exception) => LogPollFailed(logger, exception.GetType().Name);

    internal override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value.Subscribers;
        var rows = await store.ClaimAsync(Owner, ClaimBatchSize, Time.GetUtcNow(), o.LeaseDuration, cancellationToken).ConfigureAwait(false);
        await Parallel.ForEachAsync(
            rows,
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (row, ct) => await SendAsync(row, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return rows.Count;
    }

    private async Task SendAsync(DeliveryRow row, CancellationToken cancellationToken)
    {
        var o = options.Value.Subscribers;
        string? failure;
        try
        {
            var body = SubscriberSignal.Body(row, protector.Decrypt(row.SubjectCipher, row.Id));
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue(SubscriberSignal.MediaType);
            using var request = new HttpRequestMessage(HttpMethod.Post, row.Endpoint) { Content = content };
            request.Headers.Add(SubscriberSignal.SignatureHeader, SubscriberSignal.Signature(body, row.Secret));
            request.Headers.Add(SubscriberSignal.DeliveryIdHeader, row.Id.ToString("D"));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(o.RequestTimeout);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            failure = response.IsSuccessStatusCode ? null : $"subscriber answered {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = "subscriber did not answer within the timeout";
        }
        catch (HttpRequestException e)
        {
            failure = $"subscriber unreachable ({e.HttpRequestError})";
        }

        var now = Time.GetUtcNow();
        if (failure is null)
        {
            await store.DeliveredAsync(row, Owner, now, CancellationToken.None).ConfigureAwait(false);
            LogDelivered(logger, row.Id, row.Attempts + 1);
            return;
        }

        var next = now + RetryBackoff.After(row.Attempts + 1, o.RetryDelay, o.MaxRetryDelay);
        if (next > row.Created + o.RetryHorizon)
        {
            await store.FailedAsync(row, Owner, null, "dead-letter: " + failure + "; retried until the horizon", CancellationToken.None).ConfigureAwait(false);
            LogDeadLetter(logger, row.Id, row.SubscriptionId, row.Attempts + 1, failure);
            return;
        }

        await store.FailedAsync(row, Owner, next, failure, CancellationToken.None).ConfigureAwait(false);
        LogRetry(logger, row.Id, row.Attempts + 1, failure);
    }

    [LoggerMessage(EventId = 5040, Level = LogLevel.Debug, Message = "Subscriber signal {DeliveryId} delivered on attempt {Attempts}")]
    private static partial void LogDelivered(ILogger logger, Guid deliveryId, int attempts);

    [LoggerMessage(EventId = 5041, Level = LogLevel.Warning, Message = "Subscriber signal {DeliveryId} failed on attempt {Attempts} ({Reason}); it will be retried")]
    private static partial void LogRetry(ILogger logger, Guid deliveryId, int attempts, string reason);

    [LoggerMessage(EventId = 5042, Level = LogLevel.Error, Message = "Subscriber signal {DeliveryId} moved to dead-letter after {Attempts} attempts ({Reason}); Subscription {SubscriptionId} is now in error")]
    private static partial void LogDeadLetter(ILogger logger, Guid deliveryId, Guid subscriptionId, int attempts, string reason);

    [LoggerMessage(EventId = 5043, Level = LogLevel.Warning, Message = "Subscriber delivery worker could not claim signals ({ExceptionType}); it will try again")]
    private static partial void LogPollFailed(ILogger logger, string exceptionType);
}
