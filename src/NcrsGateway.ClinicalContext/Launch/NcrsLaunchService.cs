using Microsoft.Extensions.Options;
using NcrsGateway.ClinicalContext.Selection;
using NcrsGateway.Core;
using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Diagnostics;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.ClinicalContext.Launch;

/// <summary>
/// <c>$ncrs-launch</c>: turns one selection token into one NCRS link for exactly the selected patient, or
/// refuses with a taxonomy error and a next step. Fails closed: no committed audit row, no link; and a launch refused
/// for that gives its selection back (it may be launched again once the audit store is back). No upstream call is
/// made: the patient was confirmed at selection.
/// </summary>
internal sealed partial class NcrsLaunchService(
    ISelectionStore store,
    ClinicalAudit audit,
    NcrsLaunchUrl launchUrl,
    IOptions<ClinicalContextOptions> options,
    TimeProvider time,
    ILogger<NcrsLaunchService> logger)
{
    public async Task<NcrsLaunch> LaunchAsync(CallerSession caller, string? selectionToken, string? encounterId, string? originFeature, HttpRequest request, string correlationId, CancellationToken cancellationToken)
    {
        NhsNumber? patient = null;
        var started = time.GetTimestamp();
        var outcome = "cancelled";
        try
        {
            var (selection, refusal) = await ClaimAsync(caller, selectionToken, cancellationToken).ConfigureAwait(false);
            patient = selection is not null && NhsNumber.TryParse(selection.NhsNumber, out var stored) ? stored : null;
            if (refusal is not null || patient is not { } nhs)
            {
                throw new GatewayException(refusal ?? GatewayErrors.SelectionMissing);
            }

            var auditId = await AuditOrReleaseAsync(selection!, caller, nhs, correlationId, encounterId, originFeature, cancellationToken).ConfigureAwait(false);
            LogLaunched(logger, auditId);
            outcome = "ok";
            return new NcrsLaunch(launchUrl.For(nhs, request), auditId, nhs);
        }
        catch (GatewayException e)
        {
            outcome = e.Error.Code;
            LogRefused(logger, e.Error.Code);
            await audit.RecordFailureAsync(AuditActions.NcrsLaunch, e.Error, caller.User, patient, correlationId, encounterId, originFeature).ConfigureAwait(false);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not a refusal but a fault: the caller gets internal-error, and the attempt is still on the record.
            outcome = GatewayErrors.InternalError.Code;
            LogRefused(logger, GatewayErrors.InternalError.Code);
            await audit.RecordFailureAsync(AuditActions.NcrsLaunch, GatewayErrors.InternalError, caller.User, patient, correlationId, encounterId, originFeature).ConfigureAwait(false);
            throw;
        }
        finally
        {
            RecordMetrics(request.HttpContext.Features.Get<RequestTimeline>()?.Dimensions, outcome, time.GetElapsedTime(started));
        }
    }

    /// <summary><c>ncrs.launches</c> and <c>ncrs.launch.duration</c> by outcome (<c>ok</c> or the refusal's taxonomy code).</summary>
    private static void RecordMetrics(RequestDimensions? dimensions, string outcome, TimeSpan elapsed)
    {
        var tags = GatewayMetrics.TagsFor(dimensions);
        tags.Add(GatewayMetrics.Tags.Outcome, outcome);
        GatewayMetrics.Launches.Add(1, tags);
        GatewayMetrics.LaunchDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>
    /// Commits the launch's audit row. The token was claimed (marked used) first, so two launches of one token never
    /// both pass; if the row cannot be committed the claim is undone, so the retry after the audit store is back works
    /// rather than being refused as selection-used.
    /// </summary>
    private async Task<Guid> AuditOrReleaseAsync(PatientSelection selection, CallerSession caller, NhsNumber nhs, string correlationId, string? encounterId, string? originFeature, CancellationToken cancellationToken)
    {
        try
        {
            return await audit.RecordAsync(AuditActions.NcrsLaunch, caller.User, nhs, correlationId, encounterId, originFeature, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is GatewayException || e is OperationCanceledException)
        {
            try
            {
                await store.ReleaseAsync(selection, CancellationToken.None).ConfigureAwait(false);
            }
            catch (GatewayException released)
            {
                LogReleaseFailed(logger, released.Error.Code); // the store is down too: the selection stays used
            }

            throw;
        }
    }

    /// <summary>The selection behind the token (whenever one exists, for the audit row) and why it may not be used, if so.</summary>
    private async Task<(PatientSelection? Selection, GatewayError? Refusal)> ClaimAsync(CallerSession caller, string? selectionToken, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(selectionToken) || selectionToken.Length > SelectionTokens.MaxLength)
        {
            await store.ObserveUserAsync(caller.WorkstationKey, caller.UserId, o.SelectionLifetime + o.SelectionRetention, cancellationToken).ConfigureAwait(false);
            return (null, GatewayErrors.SelectionMissing);
        }

        // Take first (so a stolen token is answered as such and burnt), then note who is at the workstation.
        var stored = await store.TakeAsync(SelectionTokens.Hash(selectionToken), cancellationToken).ConfigureAwait(false);
        await store.ObserveUserAsync(caller.WorkstationKey, caller.UserId, o.SelectionLifetime + o.SelectionRetention, cancellationToken).ConfigureAwait(false);

        if (stored is null)
        {
            return (null, GatewayErrors.SelectionMissing);
        }

        var selection = stored.Selection;
        var refusal = (selection.UserId != caller.UserId || selection.WorkstationId != caller.WorkstationKey || selection.SessionId != caller.SessionId)
            ? GatewayErrors.SelectionNotYours
            : stored.State switch
            {
                SelectionState.Used => GatewayErrors.SelectionUsed,
                SelectionState.Superseded => GatewayErrors.SelectionSuperseded,
                SelectionState.Cancelled => GatewayErrors.SelectionCancelled,
                _ when time.GetUtcNow() >= selection.ExpiresAt => GatewayErrors.SelectionExpired,
                _ => null,
            };
        return (selection, refusal);
    }

    [LoggerMessage(EventId = 1410, Level = LogLevel.Information, Message = "NCRS launch granted (audit {AuditId})")]
    private static partial void LogLaunched(ILogger logger, Guid auditId);

    [LoggerMessage(EventId = 1411, Level = LogLevel.Warning, Message = "NCRS launch refused: {ErrorCode}")]
    private static partial void LogRefused(ILogger logger, string errorCode);

    [LoggerMessage(EventId = 1412, Level = LogLevel.Warning, Message = "A launch that could not be audited could not give its selection back ({ErrorCode}): the selection stays used")]
    private static partial void LogReleaseFailed(ILogger logger, string errorCode);
}
