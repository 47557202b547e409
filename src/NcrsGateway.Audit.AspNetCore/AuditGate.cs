namespace NcrsGateway.Audit.AspNetCore;

/// <summary>Runs the request's audit write exactly once, the first time the response is about to start (or the request ends).</summary>
internal sealed class AuditGate(Func<Exception?, Task> record)
{
    private Task? _recorded;

    public bool Attempted => _recorded is not null;

    public Task EnsureRecordedAsync(Exception? exception = null) => _recorded ??= record(exception);
}
