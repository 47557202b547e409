namespace NcrsGateway.Core.Model.Immunisations;

/// <summary>
/// The stable name of NHS England's Immunisation FHIR API, used in provenance, metrics, audit and as the key of
/// its <see cref="Ports.IUpstreamTokenProvider"/>. Kept beside the model until <see cref="SourceServices"/> gains it.
/// </summary>
public static class ImmunisationSource
{
    public const string Name = "immunisation";
}
