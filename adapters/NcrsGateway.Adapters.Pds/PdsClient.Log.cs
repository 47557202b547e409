using Microsoft.Extensions.Logging;

namespace NcrsGateway.Adapters.Pds;

/// <summary>PDS adapter log events (each call's answer and failure are the shared <see cref="Http.UpstreamSender"/>'s). None carries an NHS number, name or address.</summary>
internal sealed partial class PdsClient
{
    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "PDS answered with a superseded NHS number's surviving record")]
    private static partial void LogSuperseded(ILogger logger);
}
