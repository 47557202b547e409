using Hl7.Fhir.Model;
using NcrsGateway.Audit.AspNetCore;
using NcrsGateway.ClinicalContext;
using NcrsGateway.ClinicalContext.Fhir;
using NcrsGateway.ClinicalContext.Launch;
using NcrsGateway.ClinicalContext.Selection;
using NcrsGateway.ClinicalContext.Verification;
using NcrsGateway.Core;
using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Errors;
using NcrsGateway.Correlation;
using NcrsGateway.Fhir;
using NcrsGateway.Fhir.Security;

namespace NcrsGateway.ClinicalContext;

/// <summary>
/// Clinical-context operations on <c>/fhir/Patient</c>: <c>$verify</c> (compare local demographics with the
/// national record), <c>$select</c> (record an explicit, confirmed selection), <c>$ncrs-launch</c> (turn a
/// selection into the NCRS link for exactly that patient).
/// </summary>
internal static class PatientOperationEndpoints
{
    public const string VerifyPath = "/Patient/$verify";
    public const string SelectPath = "/Patient/$select";
    public const string LaunchPath = "/Patient/$ncrs-launch";
    private const int MaxContextLength = 64;

    private const string SupersededNotice =
        "The NHS number given has been superseded: the patient was selected under their current NHS number (nhsNumber), and NCRS will open for that number. "
        + "Update the local record through your normal process.";

    public static IEndpointRouteBuilder MapPatientOperationEndpoints(this IEndpointRouteBuilder fhir)
    {
        fhir.MapPost(VerifyPath, VerifyAsync).WithTags("Patient").WithName("VerifyPatient").RequireAuthorization(GatewayPolicies.Reader)
            .WithMetadata(AuditedAction.Query(AuditActions.PatientVerify));
        fhir.MapPost(SelectPath, SelectAsync).WithTags("Patient").WithName("SelectPatient").RequireAuthorization(GatewayPolicies.Launcher)
            .WithMetadata(AuditedAction.Query(AuditActions.PatientSelect));
        fhir.MapPost(LaunchPath, LaunchAsync).WithTags("Patient").WithName("LaunchNcrs").RequireAuthorization(GatewayPolicies.Launcher)
            .WithMetadata(AuditedAction.Query(AuditActions.NcrsLaunch));
        return fhir;
    }

    private static async Task<FhirResult> VerifyAsync(HttpContext http, DemographicVerifier verifier, CancellationToken cancellationToken)
    {
        var body = await FhirRequestBody.ReadAsync(http.Request, cancellationToken).ConfigureAwait(false);
        if (LocalNhsNumber(body) is { } nhsNumber)
        {
            http.AuditPatient(nhsNumber);
        }

        return FhirResult.From(await verifier.VerifyAsync(body, http.ToRequestContext(), cancellationToken).ConfigureAwait(false));
    }

    private static async Task<FhirResult> SelectAsync(HttpContext http, SelectionService selections, CancellationToken cancellationToken)
    {
        var input = new ParametersReader(await FhirRequestBody.ReadParametersAsync(http.Request, cancellationToken).ConfigureAwait(false), "nhsNumber", "confirmed", "verifiedVersion");
        var nhsNumber = input.NhsNumber("nhsNumber") ?? throw new GatewayException(GatewayErrors.InvalidRequest, "Give the patient's 'nhsNumber'.");
        if (input.Boolean("confirmed") is not true)
        {
            throw new GatewayException(GatewayErrors.SelectionNotConfirmed);
        }

        http.AuditPatient(nhsNumber);
        var verifiedVersion = input.String("verifiedVersion", MaxContextLength);
        var caller = CallerSession.From(http, ClinicalUser.From(http));
        var selection = await selections.SelectAsync(caller, nhsNumber, verifiedVersion, http, http.CorrelationId(), cancellationToken).ConfigureAwait(false);

        http.AuditRecordedByEndpoint(); // the selection's row was committed by SelectionService
        var result = new Parameters();
        result.Add("selectionToken", new FhirString(selection.Token));
        result.Add("expiresAt", new Instant(selection.ExpiresAt));
        result.Add("nhsNumber", new Identifier(NhsNumber.System, selection.Patient.Current.Value));
        if (selection.Patient.Version is { } version)
        {
            result.Add("nationalVersion", new FhirString(version));
        }

        if (selection.Patient.IsSuperseded)
        {
            result.Add("requestedNhsNumber", new Identifier(NhsNumber.System, nhsNumber.Value));
            result.Add("notice", new FhirString(SupersededNotice));
            result.Add("replacedBy", VerificationParameters.ReplacedBy(selection.Patient.Current));
        }

        return FhirResult.From(result);
    }

    private static async Task<FhirResult> LaunchAsync(HttpContext http, NcrsLaunchService launcher, CancellationToken cancellationToken)
    {
        var input = new ParametersReader(await FhirRequestBody.ReadParametersAsync(http.Request, cancellationToken).ConfigureAwait(false), "selectionToken", "encounter", "originFeature");
        var token = input.String("selectionToken", MaxContextLength);
        var encounter = SafeText(input.String("encounter", MaxContextLength), "encounter");
        var origin = SafeText(input.String("originFeature", MaxContextLength), "originFeature");
        var caller = CallerSession.From(http, ClinicalUser.From(http));
        http.AuditRecordedByEndpoint(); // NcrsLaunchService commits its own success or failure row
        var launch = await launcher.LaunchAsync(caller, token, encounter, origin, http.Request, http.CorrelationId(), cancellationToken).ConfigureAwait(false);

        var result = new Parameters();
        result.Add("launchUrl", new FhirUrl(launch.LaunchUrl));
        result.Add("auditId", new Id(launch.AuditId.ToString()));
        result.Add("nhsNumber", new Identifier(NhsNumber.System, launch.NhsNumber.Value));
        return FhirResult.From(result);
    }

    private static NhsNumber? LocalNhsNumber(Resource body)
    {
        var patient = body as Patient ?? (body as Parameters)?.Parameter.FirstOrDefault(p => p.Resource is Patient)?.Resource as Patient;
        var value = patient?.Identifier.FirstOrDefault(i => i.System == NhsNumber.System)?.Value;
        return NhsNumber.TryParse(value, out var n) ? n : null;
    }

    /// <summary>Encounter ids and feature names go into the audit trail: letters, digits and <c>- _ . :</c> only.</summary>
    private static string? SafeText(string? value, string name) =>
        value is null || value.All(SafeToken.IsAllowed)
            ? value
            : throw new GatewayException(GatewayErrors.InvalidRequest, $"'{name}' may contain only letters, digits, '-', '_', '.' and ':'.");
}
