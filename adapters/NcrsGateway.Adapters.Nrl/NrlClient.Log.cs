using Microsoft.Extensions.Logging;

namespace NcrsGateway.Adapters.Nrl;

/// <summary>NRL adapter log events (each call's answer and failure are the shared <see cref="Http.UpstreamSender"/>'s). None of them carries an NHS number, pointer id or document URL.</summary>
internal sealed partial class NrlClient
{
    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "NRL search returned {Skipped} unusable pointers; they were left out")]
    private static partial void LogSkipped(ILogger logger, int skipped);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "NRL search returned {Hidden} pointers replaced by others in the same result; they were hidden")]
    private static partial void LogHidden(ILogger logger, int hidden);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Warning, Message = "NRL read returned an unusable pointer: {Reason}")]
    private static partial void LogUnusablePointer(ILogger logger, string reason);
}
