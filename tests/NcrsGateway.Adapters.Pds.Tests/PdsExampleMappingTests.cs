using System.Text.Json.Nodes;
using NcrsGateway.Core;
using NcrsGateway.Core.Model;

namespace NcrsGateway.Adapters.Pds.Tests;

/// <summary>
/// Every NHS example Patient, mapped field by field: each value in the JSON must be in the model with the same
/// value, validity period and provenance; each element the JSON lacks must say why (not recorded, or withheld on a
/// restricted record).
/// </summary>
public sealed class PdsExampleMappingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Examples => PdsExamples.Names();

    [Theory]
    [MemberData(nameof(Examples))]
    public void Map_NhsExample_KeepsEveryFieldWithItsPeriod(string example)
    {
        var json = PdsExamples.Json(example);
        var record = PdsMapper.Map(PdsExamples.Patient(example), null, null, Now);
        var a = record.Attributes;
        var c = a.Care;
        var restricted = Str(json["meta"]?["security"]?[0]?["code"]) is "R" or "V";

        Assert.Equal(Str(json["id"]), record.Identity.NhsNumber.Value);
        Assert.Equal(restricted ? Sensitivity.Restricted : Sensitivity.Unrestricted, record.Sensitivity);
        Assert.Equal(Str(json["gender"]), a.Gender.Value);
        Assert.Equal(Str(json["birthDate"]), a.BirthDate.Value);
        Assert.Equal(Str(json["deceasedDateTime"]), a.Deceased.Value?.DateTime);
        Assert.Equal(Int(json["multipleBirthInteger"]), c.MultipleBirth.Value?.BirthOrder);

        Assert.Equal(Items(json, "name", n => $"{Str(n["use"])}|{Str(n["family"])}|{Strs(n["given"])}|{Strs(n["prefix"])}|{Strs(n["suffix"])}|{PeriodOf(n)}"),
            (a.Names.Value ?? []).Select(n => $"{n.Use}|{n.Family}|{string.Join(' ', n.Given)}|{string.Join(' ', n.Prefix)}|{string.Join(' ', n.Suffix)}|{P(n.Period)}"));
        Assert.Equal(Items(json, "telecom", Telecom), (a.Telecom.Value ?? []).Select(Telecom));
        Assert.Equal(Items(json, "address", x => $"{Str(x["use"])}|{Str(x["text"])}|{Strs(x["line"], ", ")}|{Str(x["postalCode"])}|{PeriodOf(x)}|{Keys(x)}"),
            (a.Addresses.Value ?? []).Select(x => $"{x.Use}|{x.Text}|{string.Join(", ", x.Lines)}|{x.PostalCode}|{P(x.Period)}|{string.Join(',', x.Keys.Select(k => k.Type + "=" + k.Value))}"));
        Assert.Equal(Items(json, "contact", x => $"{Codes(x["relationship"])}|{Items(x.AsObject(), "telecom", Telecom).Aggregate(string.Empty, string.Concat)}|{PeriodOf(x)}"),
            (c.Contacts.Value ?? []).Select(x => $"{string.Join(',', x.Relationships.Select(r => r.Code))}|{x.Telecom.Select(Telecom).Aggregate(string.Empty, string.Concat)}|{P(x.Period)}"));
        Assert.Equal(Org(json["generalPractitioner"]?[0]), a.GeneralPractitioner.Value is { } gp ? $"{gp.OdsCode}|{P(gp.Period)}" : null);
        Assert.Equal(Org(json["managingOrganization"]), Org(c.ManagingOrganisation.Value));
        Assert.Equal(Org(Ext(json, "Extension-UKCore-NominatedPharmacy")?["valueReference"]), Org(c.NominatedPharmacy.Value));
        Assert.Equal(Org(Ext(json, "Extension-UKCore-PreferredDispenserOrganization")?["valueReference"]), Org(c.PreferredDispenser.Value));
        Assert.Equal(Org(Ext(json, "Extension-UKCore-MedicalApplianceSupplier")?["valueReference"]), Org(c.ApplianceSupplier.Value));

        var communication = Ext(json, "Extension-UKCore-NHSCommunication");
        Assert.Equal(communication is null ? null : $"{Sub(communication, "language")?["valueCodeableConcept"]?["coding"]?[0]?["code"]}|{Sub(communication, "interpreterRequired")?["valueBoolean"]}".ToLowerInvariant(),
            c.Communication.Value is [var need] ? $"{need.Language.Code}|{need.InterpreterRequired}".ToLowerInvariant() : null);
        var preference = Ext(json, "Extension-UKCore-ContactPreference");
        Assert.Equal(preference is null ? null : $"{Code(Sub(preference, "PreferredWrittenCommunicationFormat"))}|{Code(Sub(preference, "PreferredContactMethod"))}|{Str(Sub(preference, "PreferredContactTimes")?["valueString"])}",
            c.ContactPreference.Value is { } p ? $"{p.WrittenFormat?.Code}|{p.ContactMethod?.Code}|{p.ContactTimes}" : null);
        var birthPlace = Ext(json, "patient-birthPlace")?["valueAddress"];
        Assert.Equal(birthPlace is null ? null : $"{Str(birthPlace["city"])}|{Str(birthPlace["district"])}|{Str(birthPlace["country"])}",
            c.BirthPlace.Value is { } b ? $"{b.City}|{b.District}|{b.Country}" : null);
        var removal = Ext(json, "Extension-PDS-RemovalFromRegistration");
        Assert.Equal(removal is null ? null : $"{Code(Sub(removal, "removalFromRegistrationCode"))}|{Instant(Sub(removal, "effectiveTime")?["valuePeriod"]?["start"])}|{Instant(Sub(removal, "effectiveTime")?["valuePeriod"]?["end"])}",
            c.RemovalFromRegistration.Value is { } r ? $"{r.Reason.Code}|{r.EffectiveStart}|{r.EffectiveEnd}" : null);

        var absent = restricted ? ElementState.Withheld : ElementState.NotRecorded;
        foreach (var (element, state) in new (string, ElementState)[]
        {
            ("address", a.Addresses.State), ("telecom", a.Telecom.State), ("generalPractitioner", a.GeneralPractitioner.State),
            ("contact", c.Contacts.State), ("managingOrganization", c.ManagingOrganisation.State),
        })
        {
            Assert.Equal(json[element] is null ? absent : ElementState.Present, state);
        }

        foreach (var (url, state) in new (string, ElementState)[]
        {
            ("Extension-UKCore-NHSCommunication", c.Communication.State), ("Extension-UKCore-ContactPreference", c.ContactPreference.State),
            ("Extension-UKCore-NominatedPharmacy", c.NominatedPharmacy.State), ("patient-birthPlace", c.BirthPlace.State),
            ("Extension-PDS-RemovalFromRegistration", c.RemovalFromRegistration.State),
        })
        {
            Assert.Equal(Ext(json, url) is null ? absent : ElementState.Present, state);
        }

        foreach (var provenance in new[] { c.Communication.Provenance, c.Contacts.Provenance, c.MultipleBirth.Provenance, a.Telecom.Provenance, c.ManagingOrganisation.Provenance })
        {
            Assert.Equal((SourceServices.Pds, Str(json["meta"]?["versionId"]), Now), (provenance.Source, provenance.UpstreamVersion, provenance.RetrievedAt));
        }
    }

    [Fact]
    public void Map_NhsExamplePatient_KeepsFrenchWithInterpreterRequired()
    {
        var need = Assert.Single(PdsMapper.Map(PdsExamples.Patient("Patient_9000000009.json"), null, null, Now).Attributes.Care.Communication.Value!);

        Assert.Equal(("https://fhir.hl7.org.uk/CodeSystem/UKCore-HumanLanguage", "fr", "French"), (need.Language.System, need.Language.Code, need.Language.Display));
        Assert.True(need.InterpreterRequired);
    }

    [Fact]
    public void Map_NhsExamplePatient_KeepsTheEmailThatEndedIn2022AsEndedNotCurrent()
    {
        var telecom = PdsMapper.Map(PdsExamples.Patient("Patient_9000000009.json"), null, null, Now).Attributes.Telecom.Value!;

        var email = Assert.Single(telecom, t => t.System == "email");
        Assert.Equal(new ValidityPeriod(new DateOnly(2019, 1, 1), new DateOnly(2022, 12, 31)), email.Period);
        Assert.False(email.Period!.IsCurrentOn(new DateOnly(2024, 6, 1)));
        Assert.Equal("textphone", Assert.Single(telecom, t => t.System == "other").OtherSystem?.Code);
    }

    [Fact]
    public void Map_RestrictedRecordThatStillCarriesContactDetails_WithholdsThemAll()
    {
        var wire = PdsExamples.Patient("Patient_9000000009.json");
        wire.Meta.Security[0].Code = "R";

        var record = PdsMapper.Map(wire, null, null, Now);

        var a = record.Attributes;
        var c = a.Care;
        Assert.All(
            new[] { a.Addresses.State, a.Telecom.State, a.GeneralPractitioner.State, c.Contacts.State, c.Communication.State, c.ContactPreference.State, c.NominatedPharmacy.State, c.PreferredDispenser.State, c.ApplianceSupplier.State, c.ManagingOrganisation.State, c.BirthPlace.State, c.RemovalFromRegistration.State },
            s => Assert.Equal(ElementState.Withheld, s));
        Assert.Null(a.Addresses.Value);
        Assert.Null(c.Contacts.Value);
        Assert.Null(c.NominatedPharmacy.Value);
        Assert.Equal(1, c.MultipleBirth.Value?.BirthOrder);
    }

    private static string? Str(JsonNode? node) => node?.GetValue<string>();

    private static int? Int(JsonNode? node) => node?.GetValue<int>();

    private static string Strs(JsonNode? node, string separator = " ") => node is JsonArray a ? string.Join(separator, a.Select(Str)) : string.Empty;

    private static List<string> Items(JsonObject json, string element, Func<JsonNode, string> project) =>
        json[element] is JsonArray a ? a.Select(n => project(n!)).ToList() : [];

    private static string PeriodOf(JsonNode n) => $"{Str(n["period"]?["start"])}..{Str(n["period"]?["end"])}";

    private static string P(ValidityPeriod? p) => $"{p?.Start:yyyy-MM-dd}..{p?.End:yyyy-MM-dd}";

    private static string Telecom(JsonNode t) =>
        $"{Str(t["system"])}|{Str(t["value"])}|{Str(t["use"])}|{PeriodOf(t)}|{Str(t["extension"]?[0]?["valueCoding"]?["code"])};";

    private static string Telecom(ContactPoint t) => $"{t.System}|{t.Value}|{t.Use}|{P(t.Period)}|{t.OtherSystem?.Code};";

    private static string Keys(JsonNode address) =>
        address["extension"] is JsonArray a
            ? string.Join(',', a.Where(e => Str(e!["url"])!.EndsWith("AddressKey", StringComparison.Ordinal))
                .Select(e => $"{Str(e!["extension"]![0]!["valueCoding"]!["code"])}={Str(e["extension"]![1]!["valueString"])}"))
            : string.Empty;

    private static string Codes(JsonNode? concepts) =>
        concepts is JsonArray a ? string.Join(',', a.Select(c => Str(c!["coding"]![0]!["code"]))) : string.Empty;

    private static string? Org(JsonNode? reference) =>
        reference?["identifier"] is { } id ? $"{Str(id["value"])}|{PeriodOf(id)}" : null;

    private static string? Org(OdsOrganisation? o) => o is null ? null : $"{o.OdsCode}|{P(o.Period)}";

    private static JsonNode? Ext(JsonObject json, string urlEnd) =>
        (json["extension"] as JsonArray)?.FirstOrDefault(e => Str(e!["url"])!.EndsWith("/" + urlEnd, StringComparison.Ordinal));

    private static JsonNode? Sub(JsonNode extension, string url) =>
        (extension["extension"] as JsonArray)?.FirstOrDefault(e => Str(e!["url"]) == url);

    private static string? Code(JsonNode? sub) => Str(sub?["valueCodeableConcept"]?["coding"]?[0]?["code"]);

    private static DateTimeOffset? Instant(JsonNode? node) => Str(node) is { } s ? DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : null;
}
