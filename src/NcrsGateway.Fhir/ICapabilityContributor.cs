using static Hl7.Fhir.Model.CapabilityStatement;

namespace NcrsGateway.Fhir;

/// <summary>
/// A feature's part of <c>GET /fhir/metadata</c>: a DI collection entry (<c>TryAddEnumerable</c>) registered by the
/// feature's <c>AddXxx()</c>, so only features that are present are listed. Resources appear in registration order.
/// </summary>
public interface ICapabilityContributor
{
    /// <summary>The resources this feature serves (fresh instances: <see cref="Amend"/> may change them).</summary>
    IEnumerable<ResourceComponent> Resources();

    /// <summary>
    /// Adds what this feature serves on a resource another feature lists (an operation on Patient, a <c>_revinclude</c>),
    /// once every contributor has listed its own. A resource that is absent stays absent.
    /// </summary>
    void Amend(IReadOnlyList<ResourceComponent> resources)
    {
    }
}
