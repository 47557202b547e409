using Microsoft.Extensions.Logging;

namespace NcrsGateway.Audit;

internal sealed partial class AuditTrail
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Audit journal replayed {Rows} rows left by an earlier process into the store ({TornLines} unreadable torn lines skipped: never acknowledged)")]
    private static partial void LogReplayed(ILogger logger, int rows, int tornLines);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "Audit rows could not be moved from the journal into the store ({ExceptionType}, attempt {Attempt}); they stay in the journal and will be retried")]
    private static partial void LogFlushFailed(ILogger logger, string exceptionType, int attempt);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Audit journal drained into the store")]
    private static partial void LogDrained(ILogger logger);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "Audit journal could not be drained at shutdown ({ExceptionType}); {Rows} rows stay in the journal and will be replayed on the next start")]
    private static partial void LogDrainFailed(ILogger logger, string exceptionType, int rows);
}
