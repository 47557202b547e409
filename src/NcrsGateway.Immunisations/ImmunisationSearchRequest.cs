using System.Globalization;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Immunisations;

/// <summary>
/// Validates <c>GET /fhir/Immunization?…</c> before anything goes upstream. The patient is
/// <c>patient.identifier</c> (the national API's spelling) or <c>patient:identifier</c> (the FHIR modifier form),
/// once; <c>-immunization.target</c> is required (comma-separated vaccine types); <c>-date.from</c> / <c>-date.to</c>
/// are optional inclusive full dates. Unknown parameters are refused, not ignored: silently dropping a criterion
/// would change a clinical search without telling anyone.
/// </summary>
/// <remarks>Takes the query as name/value pairs (a repeated name appears once per value) so it needs no ASP.NET types.</remarks>
internal static class ImmunisationSearchRequest
{
    public const string PatientParameter = "patient.identifier";
    public const string PatientModifierParameter = "patient:identifier";
    public const string TargetParameter = "-immunization.target";
    public const string DateFromParameter = "-date.from";
    public const string DateToParameter = "-date.to";

    /// <summary>The standard R4 names, accepted as well: <c>patient</c> (a reference), <c>target-disease</c>, <c>date</c> (ge/le).</summary>
    public const string PatientReferenceParameter = "patient";
    public const string TargetDiseaseParameter = "target-disease";
    public const string DateParameter = "date";
    private const string FormatParameter = "_format";

    /// <summary>Every parameter the search takes (the gateway adds the result parameters and paging).</summary>
    public static readonly IReadOnlyList<string> Parameters =
        [PatientParameter, PatientModifierParameter, PatientReferenceParameter, TargetParameter, TargetDiseaseParameter, DateFromParameter, DateToParameter, DateParameter];

    private static readonly HashSet<string> Known = new([.. Parameters, FormatParameter], StringComparer.Ordinal);

    public static ImmunisationSearchQuery Parse(IEnumerable<KeyValuePair<string, string?>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = query.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Value ?? string.Empty).ToList(), StringComparer.Ordinal);
        if (values.Keys.FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
        {
            throw Invalid($"The search parameter '{Printable(unknown)}' is not supported. Use {PatientParameter}, {TargetParameter}, {DateFromParameter} and {DateToParameter}.");
        }

        var nhsNumber = ParsePatient(values);
        var targets = ParseTargets(values);
        var (from, to) = values.ContainsKey(DateParameter) ? ParseDateRange(values) : (ParseDate(values, DateFromParameter), ParseDate(values, DateToParameter));
        if (from is { } f && to is { } t && f > t)
        {
            throw Invalid($"{DateFromParameter} must not be after {DateToParameter}.");
        }

        return new ImmunisationSearchQuery(nhsNumber, targets, from, to);
    }

    private static NhsNumber ParsePatient(Dictionary<string, List<string>> values)
    {
        values.TryGetValue(PatientParameter, out var dotted);
        values.TryGetValue(PatientModifierParameter, out var modifier);
        values.TryGetValue(PatientReferenceParameter, out var references);
        if (references is { Count: > 0 })
        {
            if (references.Count > 1 || dotted is not null || modifier is not null)
            {
                throw Invalid($"Give the patient once, as {PatientParameter} or {PatientReferenceParameter}, not both.");
            }

            return NhsNumber.TryParse(Fhir.PatientReference.Id(references[0]), out var referenced)
                ? referenced
                : throw new GatewayException(GatewayErrors.InvalidNhsNumber);
        }

        var given = (dotted ?? []).Concat(modifier ?? []).ToList();
        if (given.Count == 0)
        {
            throw Invalid($"Say whose vaccinations to search for: {PatientParameter}={NhsNumber.System}|<NHS number>.");
        }

        if (given.Count > 1)
        {
            throw Invalid($"Give the patient once, as {PatientParameter} or {PatientModifierParameter}, not both.");
        }

        var value = given[0];
        var bar = value.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0 || value[..bar] != NhsNumber.System)
        {
            throw Invalid($"The patient identifier must be {NhsNumber.System}|<NHS number>.");
        }

        return NhsNumber.TryParse(value[(bar + 1)..], out var nhs)
            ? nhs
            : throw new GatewayException(GatewayErrors.InvalidNhsNumber);
    }

    private static List<string> ParseTargets(Dictionary<string, List<string>> values)
    {
        values.TryGetValue(TargetParameter, out var named);
        values.TryGetValue(TargetDiseaseParameter, out var standard);
        var given = (named ?? []).Concat(standard ?? []).ToList();
        if (given.Count == 0 || given.All(string.IsNullOrWhiteSpace))
        {
            throw Invalid($"Say which vaccine types to search for: {TargetParameter}=FLU,COVID19 (the national service grants access per type).");
        }

        if (given.Count > 1)
        {
            throw Invalid($"Give {TargetParameter} once, with several vaccine types separated by commas.");
        }

        var targets = given[0].Split(',', StringSplitOptions.TrimEntries).ToList();
        if (targets.FirstOrDefault(t => !ImmunisationSearchQuery.IsTargetCode(t)) is { } bad)
        {
            throw Invalid($"'{Printable(bad)}' is not a vaccine type code: use upper-case codes such as COVID19, FLU, RSV, HPV or MMR, separated by commas.");
        }

        return targets;
    }

    /// <summary><c>date=geYYYY-MM-DD</c> and/or <c>date=leYYYY-MM-DD</c> (inclusive), instead of <c>-date.from</c> / <c>-date.to</c>.</summary>
    private static (DateOnly? From, DateOnly? To) ParseDateRange(Dictionary<string, List<string>> values)
    {
        if (values.ContainsKey(DateFromParameter) || values.ContainsKey(DateToParameter))
        {
            throw Invalid($"Give the dates either as {DateParameter} or as {DateFromParameter} / {DateToParameter}, not both.");
        }

        DateOnly? from = null, to = null;
        foreach (var value in values[DateParameter])
        {
            var date = default(DateOnly);
            var ok = value.Length == 12 && DateOnly.TryParseExact(value[2..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
            switch (ok ? value[..2] : null)
            {
                case "ge" when from is null:
                    from = date;
                    break;
                case "le" when to is null:
                    to = date;
                    break;
                default:
                    throw Invalid($"{DateParameter} must be geYYYY-MM-DD and/or leYYYY-MM-DD (full dates, inclusive), each at most once.");
            }
        }

        return (from, to);
    }

    private static DateOnly? ParseDate(Dictionary<string, List<string>> values, string name)
    {
        if (!values.TryGetValue(name, out var given))
        {
            return null;
        }

        if (given.Count != 1 || !DateOnly.TryParseExact(given[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw Invalid($"{name} must be given once, as a full date (yyyy-MM-dd).");
        }

        return date;
    }

    /// <summary>Echoes caller input safely: short, and never anything shaped like an NHS number.</summary>
    private static string Printable(string value)
    {
        var clean = new string(value.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or ':' or '_').Take(40).ToArray());
        return clean.Count(char.IsAsciiDigit) >= 10 ? "(withheld)" : clean;
    }

    private static GatewayException Invalid(string detail) => new(GatewayErrors.InvalidSearch, detail);
}
