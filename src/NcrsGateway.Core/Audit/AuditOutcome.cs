namespace NcrsGateway.Core.Audit;

public enum AuditOutcome
{
    Success,
    Failure,
}
