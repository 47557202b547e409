using Hl7.Fhir.Model;
using NcrsGateway.Core.Model;
using Provenance = NcrsGateway.Core.Model.Provenance;

namespace NcrsGateway.Fhir;

/// <summary>
/// The FHIR extensions the gateway writes (StructureDefinitions in <c>profiles/</c>): provenance on the
/// record and on any element whose provenance differs, and the exact state of an absent element.
/// </summary>
public static class GatewayExtensions
{
    public const string Base = "https://ncrs-gateway.nhs.example/fhir/StructureDefinition/";
    public const string ProvenanceUrl = Base + "Extension-NcrsGateway-Provenance";
    public const string ElementStateUrl = Base + "Extension-NcrsGateway-ElementState";
    public const string DataAbsentReasonUrl = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
    public const string SourcePrefix = "urn:ncrs-gateway:source:";

    public static Extension ProvenanceExtension(Provenance p)
    {
        var ext = new Extension { Url = ProvenanceUrl };
        ext.AddExtension("source", new Code(p.Source));
        ext.AddExtension("retrieved", new Instant(p.RetrievedAt));
        if (p.UpstreamVersion is not null)
        {
            ext.AddExtension("upstreamVersion", new FhirString(p.UpstreamVersion));
        }

        if (p.VerifiedAt is { } verified)
        {
            ext.AddExtension("verified", new Instant(verified));
        }

        ext.AddExtension("showWithoutRefresh", new FhirBoolean(p.ShowWithoutRefresh));
        return ext;
    }

    /// <summary>Data-absent-reason plus the gateway's exact state, for an element that has no value.</summary>
    public static IEnumerable<Extension> Absent(ElementState state)
    {
        var reason = state switch
        {
            ElementState.Withheld => "masked",
            ElementState.RecordedElsewhere => "not-applicable",
            _ => "unknown",
        };
        yield return new Extension(DataAbsentReasonUrl, new Code(reason));
        yield return new Extension(ElementStateUrl, new Code(StateCode(state)));
    }

    public static string StateCode(ElementState state) => state switch
    {
        ElementState.Present => "present",
        ElementState.Unknown => "unknown",
        ElementState.NotRecorded => "not-recorded",
        ElementState.Withheld => "withheld",
        ElementState.RecordedElsewhere => "recorded-elsewhere",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };
}
