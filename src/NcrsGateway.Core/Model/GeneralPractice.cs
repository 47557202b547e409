namespace NcrsGateway.Core.Model;

/// <summary>The registered GP practice, identified by its ODS code, with the registration's validity period.</summary>
public sealed record GeneralPractice(string OdsCode, ValidityPeriod? Period);
