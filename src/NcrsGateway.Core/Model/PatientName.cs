namespace NcrsGateway.Core.Model;

/// <summary>A name as held nationally. <paramref name="Use"/> is the FHIR name-use code.</summary>
public sealed record PatientName(
    string? Use,
    string? Family,
    IReadOnlyList<string> Given,
    IReadOnlyList<string> Prefix,
    IReadOnlyList<string> Suffix,
    ValidityPeriod? Period);
