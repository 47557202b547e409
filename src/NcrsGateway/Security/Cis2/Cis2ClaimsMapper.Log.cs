namespace NcrsGateway.Security.Cis2;

internal sealed partial class Cis2ClaimsMapper
{
    [LoggerMessage(EventId = 1313, Level = LogLevel.Information, Message = "CIS2 caller refused as {ErrorCode}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason, string errorCode);
}
