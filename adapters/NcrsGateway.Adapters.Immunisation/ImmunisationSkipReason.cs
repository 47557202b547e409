namespace NcrsGateway.Adapters.Immunisation;

/// <summary>
/// Why a record from the Immunisation FHIR API could not be used. The texts go to callers as warnings, so they
/// name the defect only: never an NHS number, name, organisation or URL.
/// </summary>
internal static class ImmunisationSkipReason
{
    public const string MissingId = "it has no id";
    public const string WrongPatient = "its patient is not the patient searched for";
    public const string BadStatus = "its status is missing or unknown";
    public const string EnteredInError = "it was marked as entered in error";
    public const string NoVaccineCode = "its vaccine code is missing or has no code";
    public const string NoOccurrence = "it has no vaccination date";
}
