namespace NcrsGateway.Events.Subscribers;

/// <summary>
/// The change kinds a local Subscription's <c>criteria</c> may name (comma-separated), and which event kinds each matches.
/// </summary>
internal static class SubscriberCriteria
{
    public const string Death = "death";
    public const string ChangeOfGp = "change-of-gp";
    public const string NhsNumberChange = "nhs-number-change";
    public const string NewRecordPointer = "new-record-pointer";
    public const string NewVaccination = "new-vaccination";

    public static readonly IReadOnlyList<string> All = [Death, ChangeOfGp, NhsNumberChange, NewRecordPointer, NewVaccination];

    /// <summary>The criterion an event kind signals, or null when no subscriber criterion covers it.</summary>
    public static string? Of(EventKind kind) => kind switch
    {
        EventKind.Death => Death,
        EventKind.GpChange => ChangeOfGp,
        EventKind.NhsNumberChange => NhsNumberChange,
        EventKind.Vaccination => NewVaccination,
        _ => null,
    };

    /// <summary>The distinct kinds named, in canonical order, or null when the text names none or an unknown one.</summary>
    public static IReadOnlyList<string>? Parse(string? criteria)
    {
        if (string.IsNullOrWhiteSpace(criteria))
        {
            return null;
        }

        var named = criteria.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (named.Length == 0 || named.Any(n => !All.Contains(n, StringComparer.Ordinal)))
        {
            return null;
        }

        return [.. All.Where(named.Contains)];
    }
}
