using Microsoft.Extensions.Options;
using NcrsGateway.Core;
using NcrsGateway.Core.Audit;

namespace NcrsGateway.ClinicalContext.Selection;

/// <summary>
/// <c>$select</c>: records that this user, on this workstation, in this session, confirmed this patient. The
/// number must resolve to a current national record (a superseded number is selected as its current number) and
/// a verified version must still be the national one. The selection is stored as pending (usable by nobody,
/// superseding nothing), then its audit row committed, then it is activated (superseding the user's previous one) and
/// only then is the token returned: no token leaves without its committed row; an audit failure (audit-unavailable)
/// leaves the previous selection usable; a store outage (selection-unavailable) shows before any row but the failure row.
/// </summary>
internal sealed class SelectionService(ISelectionStore store, ClinicalAudit audit, NationalRecordCheck national, IOptions<ClinicalContextOptions> options, TimeProvider time)
{
    public async Task<SelectionResult> SelectAsync(CallerSession caller, NhsNumber nhsNumber, string? verifiedVersion, HttpContext http, string correlationId, CancellationToken cancellationToken)
    {
        var patient = await national.CurrentAsync(nhsNumber, verifiedVersion, http, cancellationToken).ConfigureAwait(false);
        var o = options.Value;
        var now = time.GetUtcNow();
        var token = SelectionTokens.New();
        var selection = new PatientSelection(
            SelectionTokens.Hash(token), caller.UserId, caller.WorkstationKey, caller.SessionId, patient.Current.Value, patient.Version, now, now + o.SelectionLifetime);

        var retain = o.SelectionLifetime + o.SelectionRetention;
        await store.StageAsync(selection, retain, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(AuditActions.PatientSelect, caller.User, patient.Current, correlationId, null, null, Detail(patient, verifiedVersion), cancellationToken).ConfigureAwait(false);
        await store.SaveAsync(selection, retain, cancellationToken).ConfigureAwait(false);
        return new SelectionResult(token, selection.ExpiresAt, patient);
    }

    /// <summary>For auditors; never an NHS number (the row's patient is the current number).</summary>
    private static string? Detail(NationalPatient patient, string? verifiedVersion)
    {
        var parts = new List<string>(2);
        if (verifiedVersion is not null)
        {
            parts.Add($"verified national version {verifiedVersion}");
        }

        if (patient.IsSuperseded)
        {
            parts.Add("a superseded NHS number was given: selected as the current number");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
