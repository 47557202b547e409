using Yarp.ReverseProxy.Forwarder;

namespace NcrsGateway.Adapters.Documents;

/// <summary>Document pass-through log events: the repository host and the pointer id, never the document URL or an NHS number.</summary>
internal sealed partial class DocumentForwarder
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Document {PointerId} streamed from {RepositoryHost}: repository answered {StatusCode} (via SSP: {ViaSsp}) in {ElapsedMs:F1} ms")]
    private static partial void LogStreamed(ILogger logger, string pointerId, string repositoryHost, int statusCode, bool viaSsp, double elapsedMs);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Document {PointerId} not passed on: {RepositoryHost} answered {StatusCode}, refused as {ErrorCode} (via SSP: {ViaSsp}) after {ElapsedMs:F1} ms")]
    private static partial void LogRefused(ILogger logger, string pointerId, string repositoryHost, int statusCode, string errorCode, bool viaSsp, double elapsedMs);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Document {PointerId} from {RepositoryHost} failed with {ForwarderError} ({Cause}; response started: {Started}) (via SSP: {ViaSsp}) after {ElapsedMs:F1} ms")]
    private static partial void LogForwarderFailed(ILogger logger, string pointerId, string repositoryHost, ForwarderError forwarderError, string cause, bool started, bool viaSsp, double elapsedMs);
}
