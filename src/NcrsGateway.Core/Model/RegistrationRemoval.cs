namespace NcrsGateway.Core.Model;

/// <summary>
/// Why and when the patient was removed from registration (PDS RemovalFromRegistration; reason from
/// PDS-RemovalReasonExitCode, for example SCT "Transferred to Scotland").
/// </summary>
public sealed record RegistrationRemoval(CodedConcept Reason, DateTimeOffset? EffectiveStart, DateTimeOffset? EffectiveEnd);
