using Microsoft.Extensions.Logging;

namespace NcrsGateway.Adapters.Http;

internal sealed partial class UpstreamBudget
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "{Upstream} request budget spent: call refused, caller told to retry after {RetryAfterSeconds} s")]
    private static partial void LogRefused(ILogger logger, string upstream, int retryAfterSeconds);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "{Upstream} asked the gateway to slow down: its request budget is paused for {PauseMs:F0} ms")]
    private static partial void LogPaused(ILogger logger, string upstream, double pauseMs);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "{Upstream} shared request budget unavailable ({ExceptionType}): applying this instance's budget")]
    private static partial void LogSharedUnavailable(ILogger logger, string upstream, string exceptionType);
}
