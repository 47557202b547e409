using System.Globalization;
using Hl7.Fhir.Model;
using NcrsGateway.Core;
using NcrsGateway.Core.Model;
using Provenance = NcrsGateway.Core.Model.Provenance;

namespace NcrsGateway.ClinicalContext.Verification;

/// <summary>
/// Compares the demographics a local system holds with the national record, field by field. Pure: it reads
/// both sides and changes neither. Names compare ignoring case and spacing, postcodes ignoring spaces. Only a
/// national name, address or GP registration valid on <c>today</c> is compared: one whose period has ended (or not
/// yet begun) is never taken for the current value, so a record with none current reads "missing nationally".
/// </summary>
internal static class DemographicComparer
{
    public static IReadOnlyList<FieldComparison> Compare(NhsNumber given, Patient local, PatientRecord national, DateOnly today)
    {
        var a = national.Attributes;
        var name = PreferredName(a.Names, today);
        var address = PreferredAddress(a.Addresses, today);
        var practice = a.GeneralPractitioner.Value is { } gp && ValidityPeriod.IsCurrent(gp.Period, today) ? gp.OdsCode : null;
        var localName = local.Name.FirstOrDefault(n => n.Use is HumanName.NameUse.Usual or HumanName.NameUse.Official) ?? local.Name.FirstOrDefault();
        var localAddress = local.Address.FirstOrDefault(x => x.Use == Address.AddressUse.Home) ?? local.Address.FirstOrDefault();

        return
        [
            new("nhsNumber", given == national.Identity.NhsNumber ? FieldStatus.Match : FieldStatus.Differs,
                national.Identity.NhsNumber.Value, given.Value, national.Identity.Provenance),
            Field("name.family", a.Names.State, name?.Family, localName?.Family, a.Names.Provenance, SameWords),
            Field("name.given", a.Names.State, Join(name?.Given), Join(localName?.Given), a.Names.Provenance, SameWords),
            Field("birthDate", a.BirthDate.State, a.BirthDate.Value, local.BirthDate, a.BirthDate.Provenance, SameText),
            Field("gender", a.Gender.State, a.Gender.Value, local.Gender is { } g ? Hl7.Fhir.Utility.EnumUtility.GetLiteral(g) : null, a.Gender.Provenance, SameWords),
            Field("address.postalCode", a.Addresses.State, address?.PostalCode, localAddress?.PostalCode, a.Addresses.Provenance, SamePostcode),
            Field("address.line", a.Addresses.State, Join(address?.Lines, ", "), Join(localAddress?.Line, ", "), a.Addresses.Provenance, SameWords),
            Field("generalPractitioner", a.GeneralPractitioner.State, practice, LocalPractice(local), a.GeneralPractitioner.Provenance, SameWords),
            Field("deceased", a.Deceased.State, a.Deceased.Value?.DateTime, LocalDeceased(local), a.Deceased.Provenance, SameDeath),
        ];
    }

    private static FieldComparison Field(string field, ElementState state, string? national, string? local, Provenance provenance, Func<string, string, bool> same)
    {
        national = Blank(national);
        local = Blank(local);
        var status = (state, national, local) switch
        {
            (ElementState.Withheld, _, _) => FieldStatus.Withheld,
            (_, null, null) => FieldStatus.Match,
            (_, null, _) => FieldStatus.MissingNationally,
            (_, _, null) => FieldStatus.MissingLocally,
            _ => same(national, local) ? FieldStatus.Match : FieldStatus.Differs,
        };
        return new FieldComparison(field, status, state == ElementState.Withheld ? null : national, local, provenance);
    }

    private static PatientName? PreferredName(Recorded<IReadOnlyList<PatientName>> names, DateOnly today)
    {
        var current = (names.Value ?? []).Where(n => ValidityPeriod.IsCurrent(n.Period, today)).ToList();
        return current.Find(n => n.Use is "usual" or "official") ?? current.Find(n => n.Use is not ("old" or "maiden")) ?? current.FirstOrDefault();
    }

    private static PatientAddress? PreferredAddress(Recorded<IReadOnlyList<PatientAddress>> addresses, DateOnly today)
    {
        var current = (addresses.Value ?? []).Where(x => ValidityPeriod.IsCurrent(x.Period, today) && x.Use is not "old").ToList();
        return current.Find(x => x.Use == "home") ?? current.FirstOrDefault();
    }

    private static string? LocalPractice(Patient local) =>
        local.GeneralPractitioner.FirstOrDefault()?.Identifier?.Value;

    private static string? LocalDeceased(Patient local) => local.Deceased switch
    {
        FhirDateTime d => d.Value,
        FhirBoolean { Value: true } => "deceased",
        _ => null,
    };

    private static string? Join(IEnumerable<string?>? parts, string separator = " ") =>
        parts is null ? null : Blank(string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p))));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool SameText(string national, string local) => string.Equals(national, local, StringComparison.Ordinal);

    private static bool SameWords(string national, string local) => string.Equals(Words(national), Words(local), StringComparison.Ordinal);

    private static bool SamePostcode(string national, string local) => string.Equals(Compact(national), Compact(local), StringComparison.Ordinal);

    /// <summary>A local "deceased: true" matches any national date of death; dates compare by day.</summary>
    private static bool SameDeath(string national, string local) =>
        local == "deceased" || string.Equals(Day(national), Day(local), StringComparison.Ordinal);

    private static string Words(string value) =>
        string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private static string Compact(string value) => string.Concat(value.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    private static string Day(string value) =>
        value.Length >= 10 && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? value[..10] : value;
}
