using System.Text.RegularExpressions;

namespace NcrsGateway.Core.Ports;

/// <summary>
/// An immunisation history search: one patient, one or more vaccine types (the national service's target codes,
/// e.g. <c>COVID19</c>, <c>FLU</c>, <c>RSV</c>, <c>HPV</c>, <c>MMR</c>; access is granted per type) and optional
/// inclusive date bounds on when the vaccination was given. Construction refuses a query the national service
/// would refuse, so an adapter never sends one.
/// </summary>
public sealed partial record ImmunisationSearchQuery
{
    public ImmunisationSearchQuery(NhsNumber nhsNumber, IReadOnlyList<string> targetDiseases, DateOnly? dateFrom = null, DateOnly? dateTo = null)
    {
        ArgumentNullException.ThrowIfNull(targetDiseases);
        if (targetDiseases.Count == 0)
        {
            throw new ArgumentException("At least one vaccine type is required.", nameof(targetDiseases));
        }

        if (targetDiseases.Any(t => !IsTargetCode(t)))
        {
            throw new ArgumentException("Vaccine types are upper-case letters and digits (e.g. FLU, COVID19).", nameof(targetDiseases));
        }

        if (dateFrom is { } from && dateTo is { } to && from > to)
        {
            throw new ArgumentException("The date range ends before it starts.", nameof(dateTo));
        }

        NhsNumber = nhsNumber;
        TargetDiseases = targetDiseases.Distinct(StringComparer.Ordinal).ToArray();
        DateFrom = dateFrom;
        DateTo = dateTo;
    }

    public NhsNumber NhsNumber { get; }

    /// <summary>The vaccine types asked about, without duplicates, in the order given.</summary>
    public IReadOnlyList<string> TargetDiseases { get; }

    /// <summary>Earliest vaccination date to return (inclusive).</summary>
    public DateOnly? DateFrom { get; }

    /// <summary>Latest vaccination date to return (inclusive).</summary>
    public DateOnly? DateTo { get; }

    /// <summary>Whether <paramref name="code"/> is shaped like a vaccine type code.</summary>
    public static bool IsTargetCode(string? code) => code is not null && TargetCode().IsMatch(code);

    [GeneratedRegex("^[A-Z0-9]{2,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex TargetCode();
}
