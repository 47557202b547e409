namespace NcrsGateway.Core.Model;

/// <summary>
/// The mutable part of a demographic record; each element carries its own state and provenance. On a restricted
/// record every element that could reveal where the patient is (addresses, telecom, contacts, GP, nominated
/// organisations, communication and contact preferences, birth place, removal, managing organisation) is
/// <see cref="ElementState.Withheld"/>.
/// </summary>
public sealed record PatientAttributes(
    Recorded<IReadOnlyList<PatientName>> Names,
    Recorded<string> Gender,
    Recorded<string> BirthDate,
    Recorded<IReadOnlyList<PatientAddress>> Addresses,
    Recorded<IReadOnlyList<ContactPoint>> Telecom,
    Recorded<GeneralPractice> GeneralPractitioner,
    Recorded<Deceased> Deceased,
    PatientCareAttributes Care);
