namespace NcrsGateway.Core.Model;

/// <summary>
/// A person to contact about the patient (for example the emergency contact, v2-0131 code C), with how to reach
/// them and the period the contact is valid for.
/// </summary>
public sealed record PatientContact(
    IReadOnlyList<CodedConcept> Relationships,
    PatientName? Name,
    IReadOnlyList<ContactPoint> Telecom,
    ValidityPeriod? Period);
