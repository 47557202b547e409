namespace NcrsGateway.Sandbox.Pds;

/// <summary>A validated PDS search, parsed from the query string with PDS's parameter names.</summary>
internal sealed record PdsSearchRequest(
    string Family,
    IReadOnlyList<string> Given,
    string? Gender,
    IReadOnlyList<PdsDateCriterion> BirthDate,
    IReadOnlyList<PdsDateCriterion> DeathDate,
    string? Postcode,
    string? GeneralPractitioner,
    string? Email,
    string? Phone,
    bool Fuzzy,
    bool Exact,
    int MaxResults)
{
    public const int DefaultMaxResults = 50;

    /// <summary>Searches on these never return restricted (R) patients.</summary>
    public bool UsesWithheldFields => Postcode is not null || GeneralPractitioner is not null
        || Email is not null || Phone is not null;
}
