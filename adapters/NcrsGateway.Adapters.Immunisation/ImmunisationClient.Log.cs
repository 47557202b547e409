using Microsoft.Extensions.Logging;

namespace NcrsGateway.Adapters.Immunisation;

/// <summary>Immunisation adapter log events. None of them carries an NHS number, vaccine detail, organisation or URL.</summary>
internal sealed partial class ImmunisationClient
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Immunisation search answered {StatusCode} in {ElapsedMs:F1} ms (request {RequestId})")]
    private static partial void LogCompleted(ILogger logger, string requestId, int statusCode, double elapsedMs);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Immunisation search failed as {ErrorCode} (upstream code {SpineCode}) after {ElapsedMs:F1} ms (request {RequestId})")]
    private static partial void LogFailed(ILogger logger, string requestId, string errorCode, string? spineCode, double elapsedMs);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Immunisation search returned {Skipped} unusable records; they were left out")]
    private static partial void LogSkipped(ILogger logger, int skipped);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Immunisation search answered that the patient's history is withheld")]
    private static partial void LogWithheld(ILogger logger);
}
