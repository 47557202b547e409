namespace NcrsGateway.Core.Model;

/// <summary>
/// An organisation the record names by ODS code (nominated pharmacy, preferred dispenser, appliance supplier,
/// managing organisation), with the period PDS gives for it.
/// </summary>
public sealed record OdsOrganisation(string OdsCode, ValidityPeriod? Period);
