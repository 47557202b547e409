namespace NcrsGateway.Core.Model;

/// <summary>
/// When an element is valid, as the national service says (FHIR <c>period</c>, day precision). Either end may be
/// open. An element whose period has ended stays in the record (a clinician may need to see it ended) but is never
/// treated as the current one.
/// </summary>
public sealed record ValidityPeriod(DateOnly? Start, DateOnly? End)
{
    /// <summary>Whether the element is valid on <paramref name="day"/> (both ends inclusive).</summary>
    public bool IsCurrentOn(DateOnly day) => (Start is not { } s || s <= day) && (End is not { } e || day <= e);

    /// <summary>Whether an element with <paramref name="period"/> (none = open) is valid on <paramref name="day"/>.</summary>
    public static bool IsCurrent(ValidityPeriod? period, DateOnly day) => period is null || period.IsCurrentOn(day);

    /// <summary>A period when either end is given, otherwise none.</summary>
    public static ValidityPeriod? From(DateOnly? start, DateOnly? end) => start is null && end is null ? null : new(start, end);
}
