namespace NcrsGateway.Core.Model;

/// <summary>Where the patient was born (FHIR patient-birthPlace); <paramref name="Country"/> is the code PDS gives.</summary>
public sealed record BirthPlace(string? City, string? District, string? Country);
