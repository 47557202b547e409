using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using NcrsGateway.Core;
using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Errors;
using NcrsGateway.Fhir;
using NcrsGateway.Correlation;
using NcrsGateway.Fhir.Security;

namespace NcrsGateway.Audit.AspNetCore;

/// <summary>
/// Records one audit row (write-ahead durability) for every request to a FHIR endpoint except those marked
/// <see cref="NotAudited"/> (<c>/fhir/metadata</c>), refused ones and the <c>/fhir</c> fallback (unknown route, wrong method) included. The row is made durable before the first response byte
/// leaves (the response body is gated), so a caller that received a response was audited; if the row cannot
/// be written the request fails with a 500 internal-error OperationOutcome instead of returning data unaudited.
/// </summary>
internal sealed partial class AuditMiddleware(RequestDelegate next, IAuditTrail audit, TimeProvider time, ILogger<AuditMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!http.GetEndpoint().IsAudited())
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        var context = new AuditContext();
        http.Features.Set(context);
        http.Features.Set<IOperationOutcomeFeature>(context);
        var original = http.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var gate = new AuditGate(exception => RecordAsync(http, context, exception));
        var gated = new AuditedResponseBody(original, gate);
        http.Features.Set<IHttpResponseBodyFeature>(gated);
        try
        {
            await next(http).ConfigureAwait(false);
            await gated.FlushWriterAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (!gate.Attempted)
        {
            http.Features.Set(original);
            await gate.EnsureRecordedAsync(e).ConfigureAwait(false); // a failure here replaces e: 500, fail closed
            throw;
        }
        finally
        {
            http.Features.Set(original);
        }

        await gate.EnsureRecordedAsync().ConfigureAwait(false); // nothing written yet (e.g. a bodiless 403/404)
    }

    private async Task RecordAsync(HttpContext http, AuditContext context, Exception? exception)
    {
        if (context.RecordedByEndpoint)
        {
            return;
        }

        var status = AuditOutcomes.StatusOf(http, exception);
        var (outcome, category, code) = AuditOutcomes.Of(status, context.Error, exception);
        var user = ClinicalUser.From(http);
        var origin = AuditHeaders.Read(http, KnownHeaders.OriginFeature, out var badOrigin);
        var encounter = AuditHeaders.Read(http, KnownHeaders.EncounterId, out var badEncounter);
        var now = time.GetUtcNow();
        var record = new AuditRecord(
            Guid.CreateVersion7(now),
            now,
            http.GetEndpoint()?.Metadata.GetMetadata<AuditedAction>()?.Action ?? AuditActions.Other,
            outcome,
            category,
            code,
            user.UserId,
            user.Role,
            user.OrganisationOds,
            user.WorkstationId,
            user.ClientApp,
            origin,
            encounter,
            context.Patient,
            http.CorrelationId(),
            Detail(http.Request.Method, status, badOrigin, badEncounter, user.WorkstationHeaderInvalid, context.PatientsNotListed))
        {
            OtherPatients = [.. context.Patients.Skip(1)],
        };
        try
        {
            var timeline = http.Features.Get<Core.Diagnostics.RequestTimeline>();
            var started = time.GetTimestamp();
            await audit.RecordAsync(record, AuditDurability.WriteAhead, CancellationToken.None).ConfigureAwait(false);
            timeline?.SetAuditWrite(time.GetElapsedTime(started));
        }
        catch (Exception e)
        {
            LogAuditFailed(logger, record.Action, e.GetType().Name);
            throw record.Action == AuditActions.AuditSearch
                ? AuditSearchUnavailable.Exception(e) // an auditor's next step, not a clinician's
                : new GatewayException(GatewayErrors.AuditUnavailable, inner: e); // fail closed: no data without its audit row
        }
    }

    /// <summary>Method and HTTP status, plus any header that was refused. Never the path or query: they can hold NHS numbers.</summary>
    private static string Detail(string method, int status, bool badOrigin, bool badEncounter, bool badWorkstation, int patientsNotListed)
    {
        var detail = $"{method} {status}";
        if (patientsNotListed > 0)
        {
            detail += string.Create(CultureInfo.InvariantCulture, $"; {patientsNotListed} more patients named by the response not listed (limit {AuditRecord.MaxPatients})");
        }

        if (badOrigin)
        {
            detail += $"; {KnownHeaders.OriginFeature} not recorded (invalid)";
        }

        if (badEncounter)
        {
            detail += $"; {KnownHeaders.EncounterId} not recorded (invalid)";
        }

        if (badWorkstation)
        {
            detail += $"; {KnownHeaders.WorkstationId} not recorded (invalid)";
        }

        return detail;
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Critical, Message = "Audit row for {Action} could not be made durable ({ExceptionType}): request failed closed")]
    private static partial void LogAuditFailed(ILogger logger, string action, string exceptionType);
}
