namespace NcrsGateway.Core.Model.Immunisations;

/// <summary>The batch the dose came from: lot number and, when given, the expiry date (FHIR date).</summary>
public sealed record VaccineBatch(string LotNumber, string? ExpirationDate);
