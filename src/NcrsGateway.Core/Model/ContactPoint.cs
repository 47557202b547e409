namespace NcrsGateway.Core.Model;

/// <summary>
/// A telephone number, e-mail address or other contact route (FHIR ContactPoint system and use codes).
/// <paramref name="OtherSystem"/> is the UK Core OtherContactSystem code (for example textphone) when
/// <paramref name="System"/> is <c>other</c>.
/// </summary>
public sealed record ContactPoint(string System, string Value, string? Use, ValidityPeriod? Period, CodedConcept? OtherSystem);
