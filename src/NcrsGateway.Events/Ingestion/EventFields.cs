using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NcrsGateway.Core;

namespace NcrsGateway.Events.Ingestion;

/// <summary>
/// The checks every format shares, turning raw fields into an <see cref="IncomingEvent"/> or a reason. Reasons name
/// the field and the rule, never the value (a subject is an NHS number).
/// </summary>
internal static partial class EventFields
{
    public const int MaxIdLength = 256;
    public const int MaxSourceLength = 512;
    public const int MaxTypeLength = 128;
    public const int MaxVersionLength = 32;

    /// <summary>The event, or the reason it is invalid. Unknown types keep a subject only when it is a valid NHS number.</summary>
    public static (IncomingEvent? Event, string? Reason) Build(string? source, string? id, string? type, string? subject, string? time, string? versionId)
    {
        if (Check(source, MaxSourceLength, "source") is { } badSource)
        {
            return (null, badSource);
        }

        if (Check(id, MaxIdLength, "id") is { } badId)
        {
            return (null, badId);
        }

        if (Check(type, MaxTypeLength, "type") is { } badType)
        {
            return (null, badType);
        }

        if (!TypePattern().IsMatch(type!))
        {
            return (null, "type may contain only letters, digits, '.', '_' and '-'.");
        }

        var known = EventTypes.KindOf(type!) != EventKind.Unknown;
        NhsNumber? nhsNumber = NhsNumber.TryParse(subject, out var parsed) ? parsed : null;
        if (known && nhsNumber is null)
        {
            return (null, subject is null
                ? $"subject is required for {type}: the patient's NHS number."
                : $"subject is not a valid NHS number (10 digits with a correct check digit).");
        }

        DateTimeOffset? at = null;
        if (time is not null)
        {
            if (!TimePattern().IsMatch(time) || !DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            {
                return (null, "time must be an RFC 3339 date-time with a zone, such as 2020-06-01T13:00:00Z.");
            }

            at = t.ToUniversalTime();
        }

        long? version = null;
        if (versionId is not null)
        {
            version = VersionNumber(versionId);
            if (version is null && known)
            {
                return (null, "versionid must be a record version such as W/\"4\" or 4.");
            }
        }

        return (new IncomingEvent(source!, id!, type!, nhsNumber, at, version), null);
    }

    /// <summary>The version number in <c>W/"4"</c>, <c>"4"</c> or <c>4</c>; null otherwise.</summary>
    public static long? VersionNumber(string? value)
    {
        if (value is null || value.Length > MaxVersionLength)
        {
            return null;
        }

        var match = VersionPattern().Match(value);
        return match.Success && long.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>A string property, or null when absent, null or not a string.</summary>
    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>What to keep of a field of a rejected event: printable and bounded, or null.</summary>
    public static string? Keep(string? value, int max) =>
        value is null || value.Length == 0 || value.Length > max || value.Any(char.IsControl) ? null : value;

    private static string? Check(string? value, int max, string field) =>
        string.IsNullOrWhiteSpace(value) ? $"{field} is required."
        : value.Length > max ? $"{field} is longer than {max} characters."
        : value.Any(char.IsControl) ? $"{field} contains control characters."
        : null;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex TypePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex TimePattern();

    [GeneratedRegex("^(W/)?\"?(?<n>[0-9]{1,18})\"?$")]
    private static partial Regex VersionPattern();
}
