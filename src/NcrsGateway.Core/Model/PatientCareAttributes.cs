namespace NcrsGateway.Core.Model;

/// <summary>
/// The parts of a demographic record about caring for and contacting the patient: communication needs, contacts
/// and preferences, nominated organisations, birth details and registration. Each element has its own state and
/// provenance, like <see cref="PatientAttributes"/>.
/// </summary>
public sealed record PatientCareAttributes(
    Recorded<IReadOnlyList<CommunicationNeed>> Communication,
    Recorded<IReadOnlyList<PatientContact>> Contacts,
    Recorded<ContactPreference> ContactPreference,
    Recorded<OdsOrganisation> NominatedPharmacy,
    Recorded<OdsOrganisation> PreferredDispenser,
    Recorded<OdsOrganisation> ApplianceSupplier,
    Recorded<OdsOrganisation> ManagingOrganisation,
    Recorded<BirthPlace> BirthPlace,
    Recorded<MultipleBirth> MultipleBirth,
    Recorded<RegistrationRemoval> RemovalFromRegistration);
