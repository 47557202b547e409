namespace NcrsGateway.Core.Errors;

/// <summary>
/// One entry of the gateway's error taxonomy: a stable code callers can switch on, the HTTP status,
/// the FHIR issue type, and a sentence that tells a clinician what to do next.
/// </summary>
public sealed record GatewayError(
    string Code,
    int HttpStatus,
    string IssueType,
    string Advice,
    FailureCategory Category);
