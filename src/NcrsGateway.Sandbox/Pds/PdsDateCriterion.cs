using System.Globalization;

namespace NcrsGateway.Sandbox.Pds;

/// <summary>One <c>birthdate</c> or <c>death-date</c> value: prefix eq, ge or le and a yyyy-MM-dd date.</summary>
internal sealed record PdsDateCriterion(string Prefix, DateOnly Date)
{
    public static PdsDateCriterion? Parse(string value)
    {
        if (value.Length < 10)
        {
            return null;
        }

        var (prefix, date) = char.IsAsciiLetter(value[0]) ? (value[..2], value[2..]) : ("eq", value);
        if (prefix is not ("eq" or "ge" or "le")
            || !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return null;
        }

        return new PdsDateCriterion(prefix, parsed);
    }

    public bool Matches(DateOnly date) => Prefix switch
    {
        "ge" => date >= Date,
        "le" => date <= Date,
        _ => date == Date,
    };
}
