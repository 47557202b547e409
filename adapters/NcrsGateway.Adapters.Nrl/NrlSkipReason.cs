namespace NcrsGateway.Adapters.Nrl;

/// <summary>
/// Why a pointer from NRL could not be used. The texts go to callers as warnings, so they name the
/// defect only: never an NHS number, URL or pointer id.
/// </summary>
internal static class NrlSkipReason
{
    public const string MissingId = "it has no id";
    public const string WrongPatient = "its subject is not the patient searched for";
    public const string BadCustodian = "its custodian ODS code is missing or malformed";
    public const string BadType = "its record type is missing or not SNOMED CT";
    public const string BadStatus = "its status is missing or not current";
    public const string NoContent = "it has no content";
    public const string BadUrl = "a content URL is missing or is not an absolute https:// or ssp:// address";
    public const string SspWithoutAsid = "an ssp:// content URL has no Spine ASID to retrieve it with";
}
