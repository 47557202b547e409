using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Operations;

/// <summary>
/// Copies each journalled request to the shared store (Redis) so any instance's <c>/ops/correlation/{id}</c> finds it.
/// While the store is down records are skipped, never retried: the lookup is diagnostics, not a record.
/// </summary>
internal sealed partial class SharedJournalWriter(
    SharedJournalQueue queue, ISharedRequestTraces shared, IOptions<OperationsOptions> options, ILogger<SharedJournalWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await CopyAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: whatever is still queued is dropped (this instance's journal had it)
        }
    }

    private async Task CopyAsync(CancellationToken stoppingToken)
    {
        var retention = options.Value.SharedRetention;
        var failures = 0;
        await foreach (var (request, notable) in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            if (!shared.IsAvailable)
            {
                continue;
            }

            try
            {
                var record = JsonSerializer.SerializeToUtf8Bytes(CorrelationView.From(request), CorrelationView.Json);
                await shared.SaveAsync(request.CorrelationId, record, retention, notable).ConfigureAwait(false);
                failures = 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (failures++ == 0)
                {
                    LogShareFailed(logger, e.GetType().Name);
                }
            }
        }
    }

    [LoggerMessage(EventId = 5200, Level = LogLevel.Warning, Message = "Support lookup: a request record could not be shared ({ExceptionType}); other instances will not find it")]
    private static partial void LogShareFailed(ILogger logger, string exceptionType);
}
