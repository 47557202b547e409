namespace NcrsGateway.Audit.AspNetCore;

/// <summary>
/// Endpoint metadata naming the audited action (an <see cref="Core.Audit.AuditActions"/> code) and whether it is a query
/// or operation (AuditEvent.action E) rather than a read (R): <c>.WithMetadata(AuditedAction.Read(AuditActions.PatientRead))</c>.
/// Declared once, on the endpoint: the AuditEvent search builds its lookup from these (<see cref="AuditedActionCatalog"/>).
/// </summary>
public sealed record AuditedAction(string Action, bool IsQuery)
{
    /// <summary>Reads one resource (AuditEvent.action R).</summary>
    public static AuditedAction Read(string action) => new(action, IsQuery: false);

    /// <summary>A search or an operation (AuditEvent.action E).</summary>
    public static AuditedAction Query(string action) => new(action, IsQuery: true);
}
