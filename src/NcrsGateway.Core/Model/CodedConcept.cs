namespace NcrsGateway.Core.Model;

/// <summary>A code from a terminology (SNOMED CT unless said otherwise) with its display text.</summary>
public sealed record CodedConcept(string System, string Code, string? Display)
{
    public const string Snomed = "http://snomed.info/sct";
}
