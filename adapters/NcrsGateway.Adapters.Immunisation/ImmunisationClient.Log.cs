using Microsoft.Extensions.Logging;

namespace NcrsGateway.Adapters.Immunisation;

/// <summary>Immunisation adapter log events (each call's answer and failure are the shared <see cref="Http.UpstreamSender"/>'s). None of them carries an NHS number, vaccine detail, organisation or URL.</summary>
internal sealed partial class ImmunisationClient
{
    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Immunisation search returned {Skipped} unusable records; they were left out")]
    private static partial void LogSkipped(ILogger logger, int skipped);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Immunisation search answered that the patient's history is withheld")]
    private static partial void LogWithheld(ILogger logger);
}
