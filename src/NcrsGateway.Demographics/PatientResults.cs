using NcrsGateway.Fhir;

namespace NcrsGateway.Demographics;

/// <summary>A demographics answer as the HTTP response (and cache entry) a caller receives: serialized once.</summary>
public static class PatientResults
{
    public static FhirResult ToFhirResult(this PatientRead read) =>
        new(FhirResult.From(read.Patient).Body)
        {
            ETag = read.Provenance.UpstreamVersion is { } v ? $"W/\"{v}\"" : null,
            Provenance = read.Provenance,
            ContentLocation = read.CurrentLocation,
            MetadataResourceType = "Patient", // the gateway's own Patient mapping: no photo, no attachment data
        };
}
