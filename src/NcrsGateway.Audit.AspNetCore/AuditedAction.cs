namespace NcrsGateway.Audit.AspNetCore;

/// <summary>
/// Endpoint metadata naming the audited action (an <see cref="Core.Audit.AuditActions"/> code):
/// <c>.WithMetadata(new AuditedAction(AuditActions.PatientRead))</c>.
/// </summary>
public sealed record AuditedAction(string Action);
