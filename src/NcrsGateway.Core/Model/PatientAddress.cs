namespace NcrsGateway.Core.Model;

/// <summary>An address as held nationally. <paramref name="Use"/> is the FHIR address-use code.</summary>
public sealed record PatientAddress(
    string? Use,
    IReadOnlyList<string> Lines,
    string? PostalCode,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd);
