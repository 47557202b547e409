using Microsoft.Extensions.Logging;

namespace NcrsGateway.Adapters.Conformance.BrokenAdapter;

internal sealed partial class ProbeClient
{
    [LoggerMessage(EventId = 9100, Level = LogLevel.Information, Message = "Probe answered {StatusCode} (request {RequestId})")]
    private static partial void LogCompleted(ILogger logger, string requestId, int statusCode);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "Probe failed as {ErrorCode} (request {RequestId})")]
    private static partial void LogFailed(ILogger logger, string requestId, string errorCode);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Probe reading patient {NhsNumber}")]
    private static partial void LogPatient(ILogger logger, string nhsNumber);
}
