using Hl7.Fhir.Model;
using NcrsGateway.Fhir;
using static Hl7.Fhir.Model.CapabilityStatement;
using static NcrsGateway.Fhir.CapabilityParts;

namespace NcrsGateway.Audit.AspNetCore;

/// <summary>The audit feature's part of the CapabilityStatement: AuditEvent search, for auditors.</summary>
internal sealed class AuditEventCapabilities : ICapabilityContributor
{
    public IEnumerable<ResourceComponent> Resources() =>
    [
        new()
        {
            Type = ResourceType.AuditEvent.ToString(),
            Documentation = "Auditors only (role auditor). Every clinical access through the gateway, newest first; paged with the next link.",
            Interaction = Interactions(TypeRestfulInteraction.SearchType),
            ReadHistory = false,
            SearchParam =
            [
                Param("patient", SearchParamType.Reference, "https://fhir.nhs.uk/Id/nhs-number|{NHS number}, or the bare number"),
                Param("agent", SearchParamType.Reference, "The user id (token sub) of the person who acted"),
                Param("date", SearchParamType.Date, "ge, gt, le or lt with yyyy-MM-dd or a date-time; two values for a range"),
                Param("outcome", SearchParamType.Token, "0 success; 4 user error or access refused; 8 technical or upstream failure"),
                Param("_count", SearchParamType.Number, "1 to 100; default 20"),
                Param("_cursor", SearchParamType.String, "Opaque paging cursor: follow the next link"),
            ],
        },
    ];
}
