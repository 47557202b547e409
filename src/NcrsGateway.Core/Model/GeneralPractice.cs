namespace NcrsGateway.Core.Model;

/// <summary>The registered GP practice, identified by its ODS code.</summary>
public sealed record GeneralPractice(string OdsCode);
