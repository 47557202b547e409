namespace NcrsGateway.Caching;

/// <summary>Cache log events. Keys are keyed hashes; none of them carries an NHS number.</summary>
public sealed partial class MetadataCache
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "Metadata cache invalidated by {Scope}")]
    private static partial void LogInvalidated(ILogger logger, string scope);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Waited the single-flight timeout for another instance's fetch; fetching upstream directly")]
    private static partial void LogSingleFlightTimedOut(ILogger logger);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Debug, Message = "The shared fetch this caller waited on was cancelled by the caller that started it; joining a new one (attempt {Attempt})")]
    private static partial void LogSharedFetchCancelled(ILogger logger, int attempt);
}
