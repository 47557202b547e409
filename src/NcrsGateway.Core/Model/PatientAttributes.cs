namespace NcrsGateway.Core.Model;

/// <summary>The mutable part of a demographic record; each element carries its own state and provenance.</summary>
public sealed record PatientAttributes(
    Recorded<IReadOnlyList<PatientName>> Names,
    Recorded<string> Gender,
    Recorded<string> BirthDate,
    Recorded<IReadOnlyList<PatientAddress>> Addresses,
    Recorded<IReadOnlyList<ContactPoint>> Telecom,
    Recorded<GeneralPractice> GeneralPractitioner,
    Recorded<Deceased> Deceased);
