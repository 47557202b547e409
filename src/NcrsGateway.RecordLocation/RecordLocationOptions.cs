using System.ComponentModel.DataAnnotations;

namespace NcrsGateway.RecordLocation;

/// <summary>Record location settings, bound from <c>RecordLocation</c>.</summary>
public sealed class RecordLocationOptions
{
    public const string SectionName = "RecordLocation";

    /// <summary>
    /// Largest document returned inside a FHIR <c>Binary</c> resource (base64, when the caller asks for FHIR JSON);
    /// a larger one is refused 406 with the next step (download the document itself). 0: never as a resource.
    /// </summary>
    [Range(0, 16 * 1024 * 1024)]
    public int MaxBinaryResourceBytes { get; set; } = 2 * 1024 * 1024;
}
