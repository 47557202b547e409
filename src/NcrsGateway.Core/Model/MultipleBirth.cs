namespace NcrsGateway.Core.Model;

/// <summary>
/// Whether the patient was one of a multiple birth: PDS gives either a flag or the birth order
/// (<paramref name="BirthOrder"/>, 1 = first born).
/// </summary>
public sealed record MultipleBirth(bool? IsMultiple, int? BirthOrder);
