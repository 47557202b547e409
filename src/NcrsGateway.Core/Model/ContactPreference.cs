namespace NcrsGateway.Core.Model;

/// <summary>
/// How the patient wants to be contacted (UK Core ContactPreference): written format (for example Braille),
/// contact method (for example letter) and times.
/// </summary>
public sealed record ContactPreference(CodedConcept? WrittenFormat, CodedConcept? ContactMethod, string? ContactTimes);
