namespace NcrsGateway.Adapters.Pds;

/// <summary>The UK Core / NHS England extension URLs PDS puts on a Patient (the gateway emits the same ones).</summary>
internal static class PdsExtensions
{
    public const string VerificationStatus = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus";
    public const string DeathNotification = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-DeathNotificationStatus";
    public const string NhsCommunication = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSCommunication";
    public const string ContactPreference = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-ContactPreference";
    public const string NominatedPharmacy = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NominatedPharmacy";
    public const string PreferredDispenser = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-PreferredDispenserOrganization";
    public const string ApplianceSupplier = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicalApplianceSupplier";
    public const string AddressKey = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AddressKey";
    public const string OtherContactSystem = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-OtherContactSystem";
    public const string BirthPlace = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace";
    public const string RemovalFromRegistration = "https://fhir.nhs.uk/StructureDefinition/Extension-PDS-RemovalFromRegistration";
}
