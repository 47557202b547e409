namespace NcrsGateway.Core.Ports;

/// <summary>A demographic search, already validated by the host.</summary>
public sealed record PatientSearchQuery(
    string? Family,
    IReadOnlyList<string> Given,
    IReadOnlyList<DateSearch> BirthDate,
    string? Gender,
    string? PostalCode,
    bool FuzzyMatch,
    bool ExactMatch,
    int MaxResults)
{
    public const int DefaultMaxResults = 10;
    public const int MaxAllowedResults = 50;
}
