using Microsoft.Extensions.Logging;

namespace NcrsGateway.Adapters.Pds;

/// <summary>PDS adapter log events. None of them carries an NHS number, name or address.</summary>
internal sealed partial class PdsClient
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "PDS {Operation} answered {StatusCode} in {ElapsedMs:F1} ms (request {RequestId})")]
    private static partial void LogCompleted(ILogger logger, string operation, string requestId, int statusCode, double elapsedMs);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "PDS {Operation} failed as {ErrorCode} after {ElapsedMs:F1} ms (request {RequestId})")]
    private static partial void LogFailed(ILogger logger, string operation, string requestId, string errorCode, double elapsedMs);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "PDS answered with a superseded NHS number's surviving record")]
    private static partial void LogSuperseded(ILogger logger);
}
