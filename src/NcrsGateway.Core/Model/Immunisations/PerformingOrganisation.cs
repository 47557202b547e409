namespace NcrsGateway.Core.Model.Immunisations;

/// <summary>The organisation that gave the vaccination, by its ODS code.</summary>
public sealed record PerformingOrganisation(string OdsCode, string? Display);
