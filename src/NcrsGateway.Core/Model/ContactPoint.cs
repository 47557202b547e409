namespace NcrsGateway.Core.Model;

/// <summary>A telephone number or e-mail address (FHIR ContactPoint system and use codes).</summary>
public sealed record ContactPoint(string System, string Value, string? Use);
