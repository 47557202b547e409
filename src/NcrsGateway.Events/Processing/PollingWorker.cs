namespace NcrsGateway.Events.Processing;

/// <summary>
/// A background worker that claims rows under a lease: runs batches back to back while there is work, waits
/// <see cref="PollInterval"/> when a batch claims nothing, and carries on (logged) when a claim fails.
/// </summary>
internal abstract class PollingWorker(TimeProvider time) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    /// <summary>This instance's name on the leases it takes.</summary>
    public string Owner { get; } = Environment.MachineName + "/" + Guid.NewGuid().ToString("N");

    protected abstract TimeSpan PollInterval { get; }

    /// <summary>Claims and handles one batch; returns how many rows it claimed.</summary>
    internal abstract Task<int> RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>A batch failed before it could claim: logged by the worker in its own words.</summary>
    protected abstract void PollFailed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int claimed;
            try
            {
                claimed = await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                PollFailed(e);
                claimed = 0;
            }

            if (claimed == 0)
            {
                try
                {
                    await Task.Delay(PollInterval, Time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
