using System.Globalization;
using Hl7.Fhir.Model;
using NcrsGateway.Core.Errors;
using NcrsGateway.Events.Inbox;
using NcrsGateway.Fhir;

namespace NcrsGateway.Events.Ingestion;

/// <summary>
/// The answer to a delivery, as an OperationOutcome: 200 with what was stored and which events (by position and id)
/// were rejected and why; 400 invalid-event when nothing in it was valid. Never an NHS number.
/// </summary>
internal static class DeliveryOutcome
{
    public static FhirResult For(ParsedDelivery delivery, StoreOutcome stored, string correlationId)
    {
        if (delivery.Accepted.Count == 0)
        {
            var refused = OperationOutcomes.Create(EventErrors.InvalidEvent, delivery.Rejected.Count == 1 ? delivery.Rejected[0].Reason : null, correlationId);
            if (delivery.IsBatch || delivery.Rejected.Count > 1)
            {
                refused.Issue.AddRange(delivery.Rejected.Select(Issue));
            }

            return FhirResult.From(refused, StatusCodes.Status400BadRequest);
        }

        var outcome = new OperationOutcome();
        outcome.Issue.Add(new OperationOutcome.IssueComponent
        {
            Severity = OperationOutcome.IssueSeverity.Information,
            Code = OperationOutcome.IssueType.Informational,
            Details = new CodeableConcept
            {
                Text = string.Create(CultureInfo.InvariantCulture, $"Accepted {delivery.Accepted.Count} event(s): {stored.Stored} stored, {stored.Duplicates} already received (duplicates, not stored again); {stored.Rejected} rejected."),
            },
            Diagnostics = $"Correlation ID: {correlationId}",
        });
        outcome.Issue.AddRange(delivery.Rejected.Select(Issue));
        return FhirResult.From(outcome);
    }

    private static OperationOutcome.IssueComponent Issue(RejectedEvent rejected) => new()
    {
        Severity = OperationOutcome.IssueSeverity.Error,
        Code = OperationOutcome.IssueType.Invalid,
        Details = new CodeableConcept(GatewayErrors.CodeSystem, EventErrors.InvalidEvent.Code, Describe(rejected)),
        Expression = [string.Create(CultureInfo.InvariantCulture, $"event[{rejected.Position}]")],
    };

    private static string Describe(RejectedEvent rejected) =>
        rejected.Id is { } id
            ? string.Create(CultureInfo.InvariantCulture, $"Event {rejected.Position} (id {id}) rejected and recorded: {rejected.Reason}")
            : string.Create(CultureInfo.InvariantCulture, $"Event {rejected.Position} rejected and recorded: {rejected.Reason}");
}
