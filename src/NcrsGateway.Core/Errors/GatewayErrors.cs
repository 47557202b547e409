namespace NcrsGateway.Core.Errors;

/// <summary>The whole error taxonomy. Codes are stable: callers and dashboards depend on them.</summary>
public static class GatewayErrors
{
    public const string CodeSystem = "https://ncrs-gateway.nhs.example/fhir/CodeSystem/gateway-error";

    /// <summary>The <c>Retry-After</c> of a 503 whose entry and exception name no wait of their own.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);

    public static readonly GatewayError InvalidNhsNumber = new(
        "invalid-nhs-number", 400, "value",
        "The NHS number is not valid (it must be 10 digits with a correct check digit). Check the number with the patient or their record and try again; do not guess it.",
        FailureCategory.UserError);

    public static readonly GatewayError InvalidSearch = new(
        "invalid-search", 400, "invalid",
        "The search could not be run as asked. Correct the search as described and try again; the parameters each search accepts are listed at /fhir/metadata.",
        FailureCategory.UserError);

    public static readonly GatewayError InvalidRequest = new(
        "invalid-request", 400, "invalid",
        "The request was not understood. Check what was sent and try again; if it keeps happening, contact your system supplier.",
        FailureCategory.UserError);

    public static readonly GatewayError RequestTooLarge = new(
        "request-too-large", 413, "too-costly",
        "The request body is larger than the gateway accepts, so it was not read. Send only the resource the operation needs; if your system sent this, report it to your system supplier.",
        FailureCategory.UserError);

    public static readonly GatewayError MethodNotAllowed = new(
        "method-not-allowed", 405, "not-supported",
        "This address does not accept that HTTP method (operations such as $verify, $select and $ncrs-launch take POST). Check the method your system uses; the gateway's capabilities are listed at /fhir/metadata.",
        FailureCategory.UserError);

    public static readonly GatewayError PatientNotFound = new(
        "patient-not-found", 404, "not-found",
        "No national record was found for this NHS number. Check the number with the patient, or search by name and date of birth.",
        FailureCategory.UserError);

    public static readonly GatewayError PatientRecordInvalidated = new(
        "patient-record-invalidated", 404, "not-found",
        "This NHS number belongs to a record that has been marked invalid nationally. Do not use it: search by name and date of birth to find the patient's current record.",
        FailureCategory.UserError);

    public static readonly GatewayError TooManyMatches = new(
        "too-many-matches", 422, "multiple-matches",
        "Too many patients match this search to show safely. Add more details (given name, postcode, gender or an exact date of birth) and search again.",
        FailureCategory.UserError);

    public static readonly GatewayError NotFound = new(
        "not-found", 404, "not-found",
        "The requested resource does not exist on this gateway. Check the address; the gateway's capabilities are listed at /fhir/metadata.",
        FailureCategory.UserError);

    public static readonly GatewayError NotAcceptable = new(
        "unsupported-format", 406, "not-supported",
        "The gateway only speaks FHIR JSON (application/fhir+json). Ask for that format and try again.",
        FailureCategory.UserError);

    public static readonly GatewayError UnsupportedMediaType = new(
        "unsupported-media-type", 415, "not-supported",
        "The request body is in a format this address does not read. Send operations as application/fhir+json and POST _search parameters as application/x-www-form-urlencoded; if your system chose the format, report it to your system supplier.",
        FailureCategory.UserError);

    public static readonly GatewayError DocumentTooLargeForFhir = new(
        "document-too-large-for-fhir", 406, "too-costly",
        "The document cannot be returned inside a FHIR Binary resource. Download the document itself instead: request the same address without asking for FHIR JSON (Accept: */* or the document's own type, and no _format).",
        FailureCategory.UserError);

    public static readonly GatewayError RateLimited = new(
        "rate-limited", 429, "throttled",
        "Too many requests were sent from this system in a short time. Wait for the time given in Retry-After, then try again.",
        FailureCategory.AccessRefused);

    public static readonly GatewayError Unauthenticated = new(
        "unauthenticated", 401, "login",
        "You are not signed in, or your session has expired. Sign in again and retry.",
        FailureCategory.AccessRefused);

    public static readonly GatewayError AccessDenied = new(
        "access-denied", 403, "forbidden",
        "Your role does not allow this action. Ask your local administrator if you believe you need access.",
        FailureCategory.AccessRefused);

    public static readonly GatewayError RoleNotSelected = new(
        "role-not-selected", 403, "forbidden",
        "No role was selected when you signed in, or the selected role is no longer one of yours. Sign in again and select a role on your smartcard that allows access to patient records; if none is offered, ask your Registration Authority.",
        FailureCategory.AccessRefused);

    public static readonly GatewayError RoleNotPermitted = new(
        "role-not-permitted", 403, "forbidden",
        "The role you selected on your smartcard does not allow use of this service. Sign in again and select a role on your smartcard that allows access to patient records (or to the audit trail); if you have none, ask your Registration Authority.",
        FailureCategory.AccessRefused);

    public static readonly GatewayError IdentityUnavailable = new(
        "identity-unavailable", 503, "transient",
        "Your smartcard role could not be checked with NHS Care Identity Service right now. Try again in a few minutes and use local records in the meantime; if it keeps happening, report it to your IT service desk with the correlation ID.",
        FailureCategory.UpstreamUnavailable)
    {
        RetryAfter = TimeSpan.FromSeconds(30),
    };

    public static readonly GatewayError PointerTypeNotPermitted = new(
        "pointer-type-not-permitted", 403, "forbidden",
        "Your organisation is not set up to view this type of record through the National Record Locator. Ask your local administrator or the record's owner for the information another way.",
        FailureCategory.AccessRefused);

    public static readonly GatewayError PointerNotFound = new(
        "pointer-not-found", 404, "not-found",
        "This record pointer no longer exists: it may have been replaced by a newer version or withdrawn by its owner. Search the patient's records again to see what is current.",
        FailureCategory.UserError);

    public static readonly GatewayError DocumentHostNotAllowed = new(
        "document-host-not-allowed", 403, "forbidden",
        "The document is held on a system this gateway is not set up to fetch from. Ask the record's owner for it another way, or ask your IT service desk to review the gateway's allowed document hosts.",
        FailureCategory.AccessRefused);

    public static readonly GatewayError DocumentUnavailable = new(
        "document-unavailable", 404, "not-found",
        "The record's owner could not supply this document: it may have been moved or withdrawn. Search the patient's records again; if the pointer is still listed, contact the record's owner.",
        FailureCategory.UpstreamUnavailable);

    public static readonly GatewayError UpstreamUnavailable = new(
        "upstream-unavailable", 503, "transient",
        "The national service is not available right now. Try again in a few minutes and use local records in the meantime; do not act on missing national data.",
        FailureCategory.UpstreamUnavailable)
    {
        RetryAfter = DefaultRetryAfter,
    };

    public static readonly GatewayError UpstreamRateLimited = new(
        "upstream-busy", 503, "throttled",
        "The national service is busy and asked us to slow down. Try again after the time given in Retry-After.",
        FailureCategory.UpstreamUnavailable)
    {
        RetryAfter = DefaultRetryAfter,
    };

    public static readonly GatewayError UpstreamTimeout = new(
        "upstream-timeout", 504, "timeout",
        "The national service took too long to answer. Try again; if it keeps happening, use local records and report it to your IT service desk.",
        FailureCategory.UpstreamUnavailable);

    public static readonly GatewayError UpstreamError = new(
        "upstream-error", 502, "exception",
        "The national service returned an error. Try again later; if it keeps happening, report it to your IT service desk with the correlation ID.",
        FailureCategory.TechnicalError);

    public static readonly GatewayError UpstreamAccessDenied = new(
        "upstream-access-denied", 502, "security",
        "The national service refused this gateway's credentials. This is not something you can fix: report it to your IT service desk with the correlation ID.",
        FailureCategory.TechnicalError);

    public static readonly GatewayError InternalError = new(
        "internal-error", 500, "exception",
        "Something went wrong in the gateway. Try again; if it keeps happening, report it to your IT service desk with the correlation ID.",
        FailureCategory.TechnicalError);

    /// <summary>
    /// The caller went away before the answer (HTTP 499, never sent): recorded in the audit row so a request that was
    /// abandoned is not counted as a gateway fault.
    /// </summary>
    public static readonly GatewayError RequestAbandoned = new(
        "request-abandoned", 499, "incomplete",
        "The request was abandoned by the caller before the gateway answered, so nothing was shown. Send it again if the answer is still needed.",
        FailureCategory.UserError);

    public static readonly GatewayError WorkstationRequired = new(
        "workstation-required", 400, "required",
        "This action needs to know which workstation you are using. Your system must send a workstation claim in the access token (or the X-Workstation-ID header, where this gateway accepts it); report this to your system supplier.",
        FailureCategory.UserError);

    public static readonly GatewayError SelectionNotConfirmed = new(
        "selection-not-confirmed", 400, "business-rule",
        "A patient can only be selected after you have confirmed their demographics. Check the patient's details against the national record, confirm, then select again.",
        FailureCategory.UserError);

    public static readonly GatewayError SelectionMissing = new(
        "selection-missing", 400, "required",
        "No patient selection was given, or it is not recognised. Select the patient again (confirm their details first), then launch.",
        FailureCategory.UserError);

    public static readonly GatewayError SelectionExpired = new(
        "selection-expired", 410, "expired",
        "Your patient selection has expired. Select the patient again (confirm their details first), then launch straight away.",
        FailureCategory.UserError);

    public static readonly GatewayError SelectionSuperseded = new(
        "selection-superseded", 409, "conflict",
        "This patient selection was replaced: a newer selection was made, or another user signed in on this workstation. Check which patient you are working with, select them again, then launch.",
        FailureCategory.UserError);

    public static readonly GatewayError SelectionUsed = new(
        "selection-used", 409, "conflict",
        "This patient selection has already been used to open NCRS. Each selection opens NCRS once: select the patient again to open it again.",
        FailureCategory.UserError);

    public static readonly GatewayError SelectionCancelled = new(
        "selection-cancelled", 409, "conflict",
        "This patient selection was cancelled because the patient's national record changed after they were selected (a death was notified or the NHS number changed). Search for the patient again, check their details against the national record and confirm them, then launch.",
        FailureCategory.UserError);

    public static readonly GatewayError SelectionNotYours = new(
        "selection-not-yours", 403, "forbidden",
        "This patient selection was made by a different user or on a different workstation, so it cannot be used here and has been cancelled. Select the patient yourself, on this workstation, then launch.",
        FailureCategory.AccessRefused);

    public static readonly GatewayError SelectionVerifyAgain = new(
        "patient-record-changed", 409, "conflict",
        "The patient's national record has changed since their details were checked. Verify the patient's details against the national record again, then select them.",
        FailureCategory.UserError);

    public static readonly GatewayError SelectionUnavailable = new(
        "selection-unavailable", 503, "transient",
        "Patient selection is briefly unavailable. Select the patient again in a moment (after the time given in Retry-After), then launch; if it keeps happening, report it to your IT service desk with the correlation ID.",
        FailureCategory.TechnicalError)
    {
        RetryAfter = TimeSpan.FromSeconds(5),
    };

    public static readonly GatewayError AuditUnavailable = new(
        "audit-unavailable", 503, "transient",
        "The access could not be recorded in the audit trail, so it was not allowed. Try again after the time given in Retry-After; if it keeps happening, report it to your IT service desk with the correlation ID.",
        FailureCategory.TechnicalError)
    {
        RetryAfter = TimeSpan.FromSeconds(30),
    };
}
