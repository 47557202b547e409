using Hl7.Fhir.Model;
using NcrsGateway.Fhir;
using static Hl7.Fhir.Model.CapabilityStatement;
using static NcrsGateway.Fhir.CapabilityParts;

namespace NcrsGateway.ClinicalContext;

/// <summary>Clinical context's part of the CapabilityStatement: the <c>$verify</c>, <c>$select</c> and <c>$ncrs-launch</c> operations on Patient.</summary>
internal sealed class ClinicalContextCapabilities : ICapabilityContributor
{
    /// <summary>The OperationDefinitions (<c>profiles/OperationDefinition-{id}.json</c>, embedded) the operations below name.</summary>
    public static readonly string[] OperationDefinitionIds = ["Patient-verify", "Patient-select", "Patient-ncrs-launch"];

    public IEnumerable<ResourceComponent> Resources() => [];

    public void Amend(IReadOnlyList<ResourceComponent> resources) =>
        resources.Find(ResourceType.Patient)?.Operation.AddRange(
        [
            Operation("Patient", "verify", "Compare local demographics with the national record, field by field; changes nothing"),
            Operation("Patient", "select", "Record an explicit, confirmed patient selection; returns a short-lived selection token"),
            Operation("Patient", "ncrs-launch", "Exchange a selection token for the NCRS link for exactly that patient, with an audit id"),
        ]);
}
