namespace NcrsGateway.Security.Cis2;

internal sealed partial class Cis2UserInfoClient
{
    [LoggerMessage(EventId = 1310, Level = LogLevel.Warning, Message = "CIS2 UserInfo could not be read ({Reason}): callers without roles in their token are refused 503")]
    private static partial void LogFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 1311, Level = LogLevel.Information, Message = "CIS2 UserInfo refused the caller's access token (status {Status})")]
    private static partial void LogRefused(ILogger logger, int status);

    [LoggerMessage(EventId = 1312, Level = LogLevel.Warning, Message = "No CIS2 UserInfo endpoint: set Authentication:Cis2:UserInfoEndpoint, or use an authority whose discovery document names one")]
    private static partial void LogNoEndpoint(ILogger logger);
}
