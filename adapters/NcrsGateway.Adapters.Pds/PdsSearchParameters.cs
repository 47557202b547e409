using System.Globalization;
using System.Text;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Pds;

/// <summary>Turns a validated <see cref="PatientSearchQuery"/> into the PDS query string.</summary>
internal static class PdsSearchParameters
{
    public static string ToQueryString(PatientSearchQuery query)
    {
        var sb = new StringBuilder("Patient?");
        Add(sb, "family", query.Family);
        foreach (var given in query.Given)
        {
            Add(sb, "given", given);
        }

        foreach (var date in query.BirthDate)
        {
            Add(sb, "birthdate", date.ToString());
        }

        Add(sb, "gender", query.Gender);
        Add(sb, "address-postalcode", query.PostalCode);
        if (query.FuzzyMatch)
        {
            Add(sb, "_fuzzy-match", "true");
        }

        if (query.ExactMatch)
        {
            Add(sb, "_exact-match", "true");
        }

        Add(sb, "_max-results", query.MaxResults.ToString(CultureInfo.InvariantCulture));
        return sb.ToString(0, sb.Length - 1);
    }

    private static void Add(StringBuilder sb, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            sb.Append(name).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
        }
    }
}
