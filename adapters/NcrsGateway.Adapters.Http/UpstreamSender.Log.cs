using Microsoft.Extensions.Logging;

namespace NcrsGateway.Adapters.Http;

/// <summary>The shared send path's log events, in the adapter's own category. None carries a URL, NHS number, name or address.</summary>
public sealed partial class UpstreamSender
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "{Upstream} {Operation} answered {StatusCode} in {ElapsedMs:F1} ms (request {RequestId})")]
    private static partial void LogCompleted(ILogger logger, string upstream, string operation, string requestId, int statusCode, double elapsedMs);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "{Upstream} {Operation} failed as {ErrorCode} (upstream code {SpineCode}) after {ElapsedMs:F1} ms (request {RequestId})")]
    private static partial void LogFailed(ILogger logger, string upstream, string operation, string requestId, string errorCode, string? spineCode, double elapsedMs);
}
