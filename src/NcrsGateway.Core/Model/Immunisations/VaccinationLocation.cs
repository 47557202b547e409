namespace NcrsGateway.Core.Model.Immunisations;

/// <summary>Where the vaccination was given, as an identifier (normally an ODS or URN site code).</summary>
public sealed record VaccinationLocation(string System, string Value);
