using System.Globalization;
using System.Text;
using NcrsGateway.Core;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Immunisation;

/// <summary>
/// Turns a validated <see cref="ImmunisationSearchQuery"/> into the Immunisation FHIR API search:
/// <c>Immunization?patient.identifier=…|n&amp;-immunization.target=A,B&amp;-date.from=…&amp;-date.to=…</c>.
/// Several vaccine types are one comma-separated value (FHIR token OR).
/// </summary>
internal static class ImmunisationSearchParameters
{
    public const string Path = "Immunization";
    public const string Patient = "patient.identifier";
    public const string Target = "-immunization.target";
    public const string DateFrom = "-date.from";
    public const string DateTo = "-date.to";

    public static string ToRelativeUrl(ImmunisationSearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sb = new StringBuilder(Path).Append('?');
        sb.Append(Patient).Append('=').Append(Uri.EscapeDataString(NhsNumber.System + "|" + query.NhsNumber.Value));
        sb.Append('&').Append(Target).Append('=').AppendJoin(',', query.TargetDiseases.Select(Uri.EscapeDataString));
        AddDate(sb, DateFrom, query.DateFrom);
        AddDate(sb, DateTo, query.DateTo);
        return sb.ToString();
    }

    private static void AddDate(StringBuilder sb, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            sb.Append('&').Append(name).Append('=').Append(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }
}
