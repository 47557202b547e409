using Microsoft.Extensions.Options;
using NcrsGateway.Core;
using NcrsGateway.Core.Audit;

namespace NcrsGateway.ClinicalContext.Selection;

/// <summary>
/// <c>$select</c>: records that this user, on this workstation, in this session, confirmed this NHS number.
/// The audit row is committed first; only then is the selection stored and its token returned.
/// </summary>
internal sealed class SelectionService(ISelectionStore store, ClinicalAudit audit, IOptions<ClinicalContextOptions> options, TimeProvider time)
{
    public async Task<(string Token, DateTimeOffset ExpiresAt)> SelectAsync(CallerSession caller, NhsNumber nhsNumber, string? verifiedVersion, string correlationId, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var token = SelectionTokens.New();
        var selection = new PatientSelection(
            SelectionTokens.Hash(token), caller.UserId, caller.WorkstationKey, caller.SessionId, nhsNumber.Value, verifiedVersion, now, now + o.SelectionLifetime);

        await audit.RecordAsync(AuditActions.PatientSelect, caller.User, nhsNumber, correlationId, null, null,
            verifiedVersion is null ? null : $"verified national version {verifiedVersion}", cancellationToken).ConfigureAwait(false);
        await store.SaveAsync(selection, o.SelectionLifetime + o.SelectionRetention, cancellationToken).ConfigureAwait(false);
        return (token, selection.ExpiresAt);
    }
}
