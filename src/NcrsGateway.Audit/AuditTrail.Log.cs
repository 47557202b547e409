using Microsoft.Extensions.Logging;

namespace NcrsGateway.Audit;

internal sealed partial class AuditTrail
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Audit journal left by an earlier process is replayed into the store ({TornLines} unreadable torn lines skipped: never acknowledged); the rows recovered are counted once stored")]
    private static partial void LogReplaying(ILogger logger, int tornLines);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Audit journal replay done: {Recovered} rows were not yet in the store and are now stored; {AlreadyStored} read back from the journal were already stored (not counted again)")]
    private static partial void LogReplayed(ILogger logger, int recovered, int alreadyStored);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "Audit store lost ({ExceptionType}): {Rows} rows wait in the journal and are retried (next in {NextRetry}, backing off); NCRS launches are refused until it is back")]
    private static partial void LogStoreLost(ILogger logger, string exceptionType, int rows, TimeSpan nextRetry);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Debug, Message = "Audit store still unavailable ({ExceptionType}, attempt {Attempt}); next retry in {NextRetry}")]
    private static partial void LogRetryFailed(ILogger logger, string exceptionType, int attempt, TimeSpan nextRetry);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Audit store back after {Attempts} failed attempts: the journal backlog is stored")]
    private static partial void LogStoreBack(ILogger logger, int attempts);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Audit journal drained into the store")]
    private static partial void LogDrained(ILogger logger);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "Audit journal could not be drained at shutdown ({ExceptionType}); {Rows} rows stay in the journal and will be replayed on the next start")]
    private static partial void LogDrainFailed(ILogger logger, string exceptionType, int rows);
}
