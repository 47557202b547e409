namespace NcrsGateway.Core.Model;

/// <summary>
/// A pointer's security labels as NRL gives them, and the confidentiality they amount to. A pointer without a
/// v3-Confidentiality label is <see cref="Sensitivity.Unrestricted"/>; the labels themselves are kept even then.
/// </summary>
public sealed record PointerConfidentiality(IReadOnlyList<CodedConcept> Labels)
{
    public const string ConfidentialitySystem = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

    public static readonly PointerConfidentiality None = new([]);

    /// <summary>The most restrictive v3-Confidentiality label (R, V); U, L, M, N and none are unrestricted.</summary>
    public Sensitivity Level =>
        Labels.Where(l => l.System == ConfidentialitySystem).Select(l => l.Code switch
        {
            "V" => Sensitivity.VeryRestricted,
            "R" => Sensitivity.Restricted,
            _ => Sensitivity.Unrestricted,
        }).DefaultIfEmpty(Sensitivity.Unrestricted).Max();
}
