using Microsoft.Extensions.Logging;

namespace NcrsGateway.Adapters.Nrl;

/// <summary>NRL adapter log events. None of them carries an NHS number, pointer id or document URL.</summary>
internal sealed partial class NrlClient
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "NRL {Operation} answered {StatusCode} in {ElapsedMs:F1} ms (request {RequestId})")]
    private static partial void LogCompleted(ILogger logger, NrlOperation operation, string requestId, int statusCode, double elapsedMs);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "NRL {Operation} failed as {ErrorCode} (upstream code {SpineCode}) after {ElapsedMs:F1} ms (request {RequestId})")]
    private static partial void LogFailed(ILogger logger, NrlOperation operation, string requestId, string errorCode, string? spineCode, double elapsedMs);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "NRL search returned {Skipped} unusable pointers; they were left out")]
    private static partial void LogSkipped(ILogger logger, int skipped);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "NRL search returned {Hidden} pointers replaced by others in the same result; they were hidden")]
    private static partial void LogHidden(ILogger logger, int hidden);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Warning, Message = "NRL read returned an unusable pointer: {Reason}")]
    private static partial void LogUnusablePointer(ILogger logger, string reason);
}
