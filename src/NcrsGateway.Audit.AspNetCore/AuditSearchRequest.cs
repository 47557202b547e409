using System.Globalization;
using NcrsGateway.Core;
using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Audit.AspNetCore;

/// <summary>
/// Parses <c>GET /fhir/AuditEvent</c>: <c>patient</c> (a reference: <c>Patient/{n}</c>, its URL or the bare number; or system|NHS number), <c>agent</c> (user id),
/// <c>date</c> (ge/gt/le/lt, up to two), <c>outcome</c> (0, 4, 8, 12), <c>_count</c> (1–100, default 20) and
/// <c>_cursor</c> (from a next link). Anything else is refused as invalid-search.
/// </summary>
internal static class AuditSearchRequest
{
    public const int DefaultCount = 20;
    public const int MaxCount = 100;
    public const string CursorParameter = "_cursor";
    /// <summary>Every parameter the search takes (it pages itself, by cursor).</summary>
    public static readonly IReadOnlyList<string> Parameters = ["patient", "agent", "date", "outcome", "_count", CursorParameter];

    private static readonly string[] Known = [.. Parameters, "_format"];

    /// <summary>Date-times accepted: seconds required, fraction optional, and a zone (<c>Z</c> or <c>±hh:mm</c>) always.</summary>
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <param name="query">The request's query string.</param>
    /// <param name="scope">Whose rows the caller may see (<see cref="AuditScopes"/>).</param>
    public static AuditQuery Parse(IQueryCollection query, AuditScope scope)
    {
        foreach (var key in query.Keys)
        {
            if (!Known.Contains(key, StringComparer.Ordinal))
            {
                throw Invalid($"The search parameter '{Sanitize(key)}' is not supported on AuditEvent.");
            }
        }

        NhsNumber? patient = null;
        if (Single(query, "patient") is { } p)
        {
            patient = NhsNumber.TryParse(PatientNumber(p), out var n) ? n : throw new GatewayException(GatewayErrors.InvalidNhsNumber);
        }

        var (from, to) = Dates(query["date"]);
        var (outcome, categories) = Outcome(Single(query, "outcome"));
        var count = DefaultCount;
        if (Single(query, "_count") is { } c && (!int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxCount))
        {
            throw Invalid($"_count must be a whole number from 1 to {MaxCount}.");
        }

        return new AuditQuery(patient, Single(query, "agent"), from, to, outcome, count, Single(query, CursorParameter), categories) { Scope = scope };
    }

    /// <summary>
    /// The NHS number in a <c>patient</c> value: a reference as its declared type says (<c>Patient/{n}</c>, an absolute
    /// <c>…/Patient/{n}</c> URL, or the bare id <c>{n}</c>), or the identifier token <c>https://fhir.nhs.uk/Id/nhs-number|{n}</c>.
    /// </summary>
    private static string PatientNumber(string value)
    {
        if (value.StartsWith(NhsNumber.System + "|", StringComparison.Ordinal))
        {
            return value[(NhsNumber.System.Length + 1)..];
        }

        return Fhir.PatientReference.Id(value);
    }

    private static (AuditOutcome?, IReadOnlyList<FailureCategory>?) Outcome(string? code) => code switch
    {
        null => (null, null),
        "0" => (AuditOutcome.Success, null),
        "4" => (AuditOutcome.Failure, [FailureCategory.UserError, FailureCategory.AccessRefused]),
        "8" => (AuditOutcome.Failure, [FailureCategory.TechnicalError, FailureCategory.UpstreamUnavailable]),
        "12" => (AuditOutcome.Failure, []),
        _ => throw Invalid("outcome must be 0, 4, 8 or 12."),
    };

    private static (DateTimeOffset? From, DateTimeOffset? To) Dates(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count > 2)
        {
            throw Invalid("date may be given at most twice (a range).");
        }

        DateTimeOffset? from = null, to = null;
        foreach (var value in values)
        {
            if (value is not { Length: > 2 })
            {
                throw Invalid("date needs a prefix (ge, gt, le or lt) and a date.");
            }

            var prefix = value[..2];
            var text = value[2..];
            var dateOnly = text.Length == 10;
            if (!TryParseDate(text, out var at))
            {
                throw Invalid("date must be yyyy-MM-dd or a full date-time with a time zone (yyyy-MM-ddThh:mm:ss with Z or +hh:mm).");
            }

            switch (prefix)
            {
                case "ge":
                    from = at;
                    break;
                case "gt":
                    from = Shift(at, dateOnly ? TimeSpan.FromDays(1) : TimeSpan.FromTicks(10));
                    break;
                case "le":
                    to = dateOnly ? Shift(at, TimeSpan.FromDays(1) - TimeSpan.FromTicks(10)) : at;
                    break;
                case "lt":
                    to = Shift(at, TimeSpan.FromTicks(-10));
                    break;
                default:
                    throw Invalid("date prefixes supported: ge, gt, le, lt.");
            }
        }

        return (from, to);
    }

    /// <summary>
    /// Exactly what docs/audit.md documents: <c>yyyy-MM-dd</c> (that day, UTC), or <c>yyyy-MM-ddThh:mm:ss[.fffffff]</c> with
    /// <c>Z</c> or <c>±hh:mm</c>. Anything looser (<c>12/01/2026</c>, <c>Dec 1 2026</c>, a date-time without a zone) is refused,
    /// never guessed: a guessed date silently changes which rows an auditor sees.
    /// </summary>
    private static bool TryParseDate(string text, out DateTimeOffset at)
    {
        if (text.Length == 10)
        {
            var ok = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day);
            at = ok ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : default;
            return ok;
        }

        var zoned = text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (zoned && DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out at))
        {
            return true;
        }

        at = default;
        return false;
    }

    /// <summary><paramref name="at"/> moved by <paramref name="by"/>, or invalid-search when that leaves the calendar (le9999-12-31, lt0001-01-01).</summary>
    private static DateTimeOffset Shift(DateTimeOffset at, TimeSpan by)
    {
        var room = by >= TimeSpan.Zero ? DateTimeOffset.MaxValue - at : at - DateTimeOffset.MinValue;
        return room >= by.Duration()
            ? at + by
            : throw Invalid("date is too far in the past or the future to search; give a date between 0001-01-02 and 9999-12-30.");
    }

    private static string? Single(IQueryCollection query, string name)
    {
        var values = query[name];
        return values.Count switch
        {
            0 => null,
            1 when !string.IsNullOrWhiteSpace(values[0]) => values[0],
            _ => throw Invalid($"{name} must be given once, with a value."),
        };
    }

    private static string Sanitize(string key) => Core.Redaction.Redactor.Redact(key.Length > 40 ? key[..40] : key);

    private static GatewayException Invalid(string detail) => new(GatewayErrors.InvalidSearch, detail);
}
