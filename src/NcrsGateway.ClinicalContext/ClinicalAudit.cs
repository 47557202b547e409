using NcrsGateway.Core;
using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Errors;
using NcrsGateway.Fhir.Security;

namespace NcrsGateway.ClinicalContext;

/// <summary>
/// Writes the audit rows of selections and launches. <see cref="RecordAsync"/> (committed to the store) must
/// succeed or the action is refused (audit-unavailable); <see cref="RecordFailureAsync"/> goes through the
/// write-ahead journal, so a refusal is recorded even while the store is down, and is best effort, so a refused
/// action is still answered when the journal fails too.
/// </summary>
internal sealed partial class ClinicalAudit(IAuditTrail trail, TimeProvider time, ILogger<ClinicalAudit> logger)
{
    public async Task<Guid> RecordAsync(string action, ClinicalUser user, NhsNumber patient, string correlationId, string? encounterId, string? originFeature, string? detail, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        try
        {
            await trail.RecordAsync(Record(id, now, action, AuditOutcome.Success, null, user, patient, correlationId, encounterId, originFeature, detail), AuditDurability.Committed, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogAuditFailed(logger, action, e.GetType().Name);
            throw new GatewayException(GatewayErrors.AuditUnavailable, NothingChanged(action), inner: e);
        }

        return id;
    }

    public async Task RecordFailureAsync(string action, GatewayError error, ClinicalUser user, NhsNumber? patient, string correlationId, string? encounterId, string? originFeature)
    {
        var now = time.GetUtcNow();
        try
        {
            await trail.RecordAsync(Record(Guid.CreateVersion7(now), now, action, AuditOutcome.Failure, error, user, patient, correlationId, encounterId, originFeature, $"POST {error.HttpStatus}"), AuditDurability.WriteAhead, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // best effort by design: the refusal must reach the user even when the audit store is down
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogAuditFailed(logger, action, e.GetType().Name);
        }
    }

    /// <summary>What the refused action left as it was (the state change comes only after the row is committed).</summary>
    private static string? NothingChanged(string action) => action switch
    {
        AuditActions.PatientSelect => "Nothing was selected: your previous selection, if you had one, still stands.",
        AuditActions.NcrsLaunch => "Your selection was not used: launch again with it in a moment.",
        _ => null,
    };

    private static AuditRecord Record(Guid id, DateTimeOffset now, string action, AuditOutcome outcome, GatewayError? error, ClinicalUser user, NhsNumber? patient, string correlationId, string? encounterId, string? originFeature, string? detail) =>
        new(id, now, action, outcome, error?.Category, error?.Code, user.UserId, user.Role, user.OrganisationOds, user.WorkstationId, user.ClientApp, originFeature, encounterId, patient, correlationId, detail);

    [LoggerMessage(EventId = 1400, Level = LogLevel.Error, Message = "Audit row for {Action} could not be written ({ExceptionType})")]
    private static partial void LogAuditFailed(ILogger logger, string action, string exceptionType);
}
