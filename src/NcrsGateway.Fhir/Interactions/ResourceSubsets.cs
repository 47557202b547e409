using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using NcrsGateway.Core.Fhir;

namespace NcrsGateway.Fhir;

/// <summary>
/// A resource cut down as <c>_summary</c> or <c>_elements</c> asked, tagged <c>SUBSETTED</c> (so no one stores or acts on
/// it as the whole record). <c>_elements</c> keeps <c>id</c> and the resource's mandatory elements whatever is asked.
/// </summary>
internal static class ResourceSubsets
{
    private static readonly BaseFhirJsonSerializer Serializer = new(ModelInfo.ModelInspector);

    public static Resource Subset(Resource resource, ResultParameters shape)
    {
        Func<SerializationFilter> filter = shape.Summary switch
        {
            "true" => SerializationFilter.ForSummary,
            "text" => SerializationFilter.ForText,
            "data" => SerializationFilter.ForData,
            _ => () => SerializationFilter.ForElements([.. shape.Elements ?? [], "id"], true),
        };
        var bytes = Serializer.SerializeToBytes(resource, false, filter);
        var subset = System.Text.Json.JsonSerializer.Deserialize<Resource>(bytes, FhirJson.Options)
            ?? throw new InvalidOperationException("A subset of a resource could not be read back.");
        SerializationUtil.MarkSubsetted(subset);
        return subset;
    }
}
