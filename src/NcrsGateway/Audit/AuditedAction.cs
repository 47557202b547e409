namespace NcrsGateway.Audit;

/// <summary>
/// Endpoint metadata naming the audited action (an <see cref="Core.Audit.AuditActions"/> code):
/// <c>.WithMetadata(new AuditedAction(AuditActions.PatientRead))</c>.
/// </summary>
internal sealed record AuditedAction(string Action);
