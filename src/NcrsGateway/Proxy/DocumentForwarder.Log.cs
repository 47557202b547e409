using Yarp.ReverseProxy.Forwarder;

namespace NcrsGateway.Proxy;

/// <summary>Document pass-through log events. None carries a URL, pointer id or NHS number.</summary>
internal sealed partial class DocumentForwarder
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Document streamed: repository answered {StatusCode} (via SSP: {ViaSsp}) in {ElapsedMs:F1} ms")]
    private static partial void LogStreamed(ILogger logger, int statusCode, bool viaSsp, double elapsedMs);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Document not passed on: repository answered {StatusCode}, refused as {ErrorCode} (via SSP: {ViaSsp}) after {ElapsedMs:F1} ms")]
    private static partial void LogRefused(ILogger logger, int statusCode, string errorCode, bool viaSsp, double elapsedMs);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Document forwarding failed with {ForwarderError} (via SSP: {ViaSsp}) after {ElapsedMs:F1} ms")]
    private static partial void LogForwarderFailed(ILogger logger, ForwarderError forwarderError, bool viaSsp, double elapsedMs);
}
