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
            Documentation = "Auditors only (role auditor), within the auditor's organisation unless national. Every clinical access through the gateway, newest first; _count 1 to 100 (default 20), paged with the next link. Read by id resolves each entry's fullUrl.",
            Interaction = Interactions(TypeRestfulInteraction.Read, TypeRestfulInteraction.SearchType),
            ReadHistory = false,
            SearchParam =
            [
                Param("patient", SearchParamType.Reference, "Patient/{NHS number}, its absolute URL or the bare NHS number (also https://fhir.nhs.uk/Id/nhs-number|{NHS number})"),
                Param("agent", SearchParamType.Reference, "The user id (token sub) of the person who acted"),
                Param("date", SearchParamType.Date, "ge, gt, le or lt with yyyy-MM-dd or a date-time; two values for a range"),
                Param("outcome", SearchParamType.Token, "0 success; 4 user error or access refused; 8 technical or upstream failure"),
            ],
        },
    ];
}
