namespace NcrsGateway.Core.Model;

/// <summary>
/// An address as held nationally. <paramref name="Use"/> is the FHIR address-use code; <paramref name="Text"/> the
/// free-text description PDS gives (for example "Student Accommodation"); <paramref name="Keys"/> the PAF / UPRN keys.
/// </summary>
public sealed record PatientAddress(
    string? Use,
    IReadOnlyList<string> Lines,
    string? PostalCode,
    string? Text,
    IReadOnlyList<AddressKey> Keys,
    ValidityPeriod? Period);
