using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using NcrsGateway.Tests.Common;
using WireMock.ResponseBuilders;
using static NcrsGateway.FunctionalTests.Examples.NhsExamples;

namespace NcrsGateway.FunctionalTests.Demographics;

/// <summary>
/// NHS's own example Patients, served by a WireMock PDS and read through the gateway: every field PDS gives comes
/// out in UK Core shape with its validity period; a restricted patient's withheld elements stay withheld.
/// </summary>
public sealed class PdsExamplePatientTests : IAsyncLifetime
{
    private const string StateUrl = "https://ncrs-gateway.nhs.example/fhir/StructureDefinition/Extension-NcrsGateway-ElementState";
    private readonly PdsUpstream _pds = new();
    private GatewayHost _host = null!;

    public static TheoryData<string> Reads => new() { "Patient_9000000009.json", "Sensitive_Patient_9000000025.json", "Minimal_Patient_9000000033.json" };

    public async Task InitializeAsync()
    {
        var settings = _pds.Settings();
        settings["Adapters:Pds:AttemptTimeout"] = "00:00:05"; // generous: a cold first request on a busy box is not a slow upstream
        settings["Adapters:Pds:TotalTimeout"] = "00:00:08";
        _host = await GatewayHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _pds.Dispose();
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Read_NhsExamplePatient_EmitsEveryFieldPdsGave(string file)
    {
        var wire = Load("pds", file);
        var output = await ReadAsync(wire);

        foreach (var (field, project) in Projections())
        {
            Assert.True(Equals(project(wire), project(output)), $"{file}: {field} differs: PDS {project(wire)} / gateway {project(output)}");
        }
    }

    [Fact]
    public async Task Read_NhsExamplePatient_CarriesFrenchInterpreterNeedAndTheEndedEmailWithItsPeriod()
    {
        var patient = await FhirAssert.ResourceAsync<Patient>(await ReadResponseAsync(Load("pds", "Patient_9000000009.json")));

        var communication = Assert.Single(patient.Extension, e => e.Url == "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSCommunication");
        var language = communication.GetExtensionValue<CodeableConcept>("language").Coding.Single();
        Assert.Equal(("https://fhir.hl7.org.uk/CodeSystem/UKCore-HumanLanguage", "fr"), (language.System, language.Code));
        Assert.True(communication.GetExtensionValue<FhirBoolean>("interpreterRequired").Value);
        var email = Assert.Single(patient.Telecom, t => t.System == ContactPoint.ContactPointSystem.Email);
        Assert.Equal(("2019-01-01", "2022-12-31"), (email.Period.Start, email.Period.End));
        var emergency = Assert.Single(patient.Contact);
        Assert.Equal("C", emergency.Relationship.Single().Coding.Single().Code);
        Assert.Equal("2025-12-31", patient.GeneralPractitioner.Single().Identifier.Period.End);
        Assert.Equal("textphone", Assert.Single(patient.Telecom, t => t.System == ContactPoint.ContactPointSystem.Other)
            .SystemElement.GetExtensionValue<CodeableConcept>("https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-OtherContactSystem").Coding.Single().Code);
    }

    [Fact]
    public async Task Read_RestrictedPatientWhosePdsAnswerStillHoldsContactDetails_LeaksNoneOfThem()
    {
        var wire = Load("pds", "Patient_9000000009.json");
        wire["meta"]!["security"]![0]!["code"] = "R";

        var output = await ReadAsync(wire);
        var body = output.ToJsonString();

        foreach (var leak in new[] { "LS1 6AE", "01632960587", "jane.smith@example.com", "Y12345", "Y23456", "Y34567", "Manchester", "French", "Braille", "Transferred to Scotland", "12345678" })
        {
            Assert.DoesNotContain(leak, body, StringComparison.Ordinal);
        }

        foreach (var element in new[] { "address", "telecom", "generalPractitioner", "contact" })
        {
            Assert.Equal("withheld", Str(Ext(output[element]![0], "Extension-NcrsGateway-ElementState")?["valueCode"]));
        }

        Assert.Equal("withheld", Str(Ext(output["managingOrganization"], "Extension-NcrsGateway-ElementState")?["valueCode"]));
        Assert.Equal(1, output["multipleBirthInteger"]!.GetValue<int>());
        Assert.Equal(StateUrl, Str(Ext(output["address"]![0], "Extension-NcrsGateway-ElementState")?["url"]));
    }

    private async Task<JsonObject> ReadAsync(JsonObject wire)
    {
        using var response = await ReadResponseAsync(wire);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private async Task<HttpResponseMessage> ReadResponseAsync(JsonObject wire)
    {
        var id = Str(wire["id"])!;
        _pds.Server.Given(_pds.ReadOf(id)).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/fhir+json").WithBody(wire.ToJsonString()));
        return await _host.CreateClinicianClient().GetAsync($"fhir/Patient/{id}");
    }

    /// <summary>The same projection of PDS's JSON and the gateway's: each clinically relevant field, values and periods.</summary>
    private static IEnumerable<(string Field, Func<JsonObject, string> Project)> Projections()
    {
        yield return ("meta.security", p => Str(p["meta"]?["security"]?[0]?["code"]) ?? string.Empty);
        yield return ("gender/birthDate/deceased", p => $"{Str(p["gender"])}|{Str(p["birthDate"])}|{Str(p["deceasedDateTime"])}");
        yield return ("multipleBirth", p => p["multipleBirthInteger"]?.ToJsonString() ?? p["multipleBirthBoolean"]?.ToJsonString() ?? string.Empty);
        yield return ("name", p => Join(Valued(p["name"]).Select(n => $"{Str(n["use"])}|{Str(n["family"])}|{n["given"]?.ToJsonString()}|{n["prefix"]?.ToJsonString()}|{n["suffix"]?.ToJsonString()}|{Period(n)}")));
        yield return ("telecom", p => Join(Valued(p["telecom"]).Select(Telecom)));
        yield return ("address", p => Join(Valued(p["address"]).Select(a =>
            $"{Str(a["use"])}|{Str(a["text"])}|{a["line"]?.ToJsonString()}|{Str(a["postalCode"])}|{Period(a)}|{Join((a["extension"] as JsonArray ?? []).Where(e => Str(e!["url"])!.EndsWith("AddressKey", StringComparison.Ordinal)).Select(k => $"{Str(Coded(Sub(k, "type"))?["system"])}#{Str(Coded(Sub(k, "type"))?["code"])}={Str(Sub(k, "value")?["valueString"])}"))}")));
        yield return ("contact", p => Join(Valued(p["contact"]).Select(c => $"{Concepts(c["relationship"])}|{Join(Valued(c["telecom"]).Select(Telecom))}|{Period(c)}")));
        yield return ("generalPractitioner", p => Join(Valued(p["generalPractitioner"]).Select(Org)));
        yield return ("managingOrganization", p => p["managingOrganization"] is { } m && Ext(m, "data-absent-reason") is null ? Org(m) : string.Empty);
        foreach (var url in new[] { "Extension-UKCore-NominatedPharmacy", "Extension-UKCore-PreferredDispenserOrganization", "Extension-UKCore-MedicalApplianceSupplier" })
        {
            yield return (url, p => Ext(p, "/" + url) is { } e ? $"{Str(e["url"])}|{Org(e["valueReference"]!)}" : string.Empty);
        }

        yield return ("NHSCommunication", p => Ext(p, "/Extension-UKCore-NHSCommunication") is { } e
            ? $"{Str(e["url"])}|{Concepts(new JsonArray(Sub(e, "language")?["valueCodeableConcept"]?.DeepClone()))}|{Sub(e, "interpreterRequired")?["valueBoolean"]}|{Sub(e, "preferred")?["valueBoolean"]}"
            : string.Empty);
        yield return ("ContactPreference", p => Ext(p, "/Extension-UKCore-ContactPreference") is { } e
            ? $"{Str(e["url"])}|{Concepts(new JsonArray(Sub(e, "PreferredWrittenCommunicationFormat")?["valueCodeableConcept"]?.DeepClone(), Sub(e, "PreferredContactMethod")?["valueCodeableConcept"]?.DeepClone()))}|{Str(Sub(e, "PreferredContactTimes")?["valueString"])}"
            : string.Empty);
        yield return ("birthPlace", p => Ext(p, "/patient-birthPlace")?["valueAddress"] is { } a ? $"{Str(a["city"])}|{Str(a["district"])}|{Str(a["country"])}" : string.Empty);
        yield return ("RemovalFromRegistration", p => Ext(p, "/Extension-PDS-RemovalFromRegistration") is { } e
            ? $"{Str(e["url"])}|{Concepts(new JsonArray(Sub(e, "removalFromRegistrationCode")?["valueCodeableConcept"]?.DeepClone()))}|{Instant(Sub(e, "effectiveTime")?["valuePeriod"]?["start"])}|{Instant(Sub(e, "effectiveTime")?["valuePeriod"]?["end"])}"
            : string.Empty);
        yield return ("DeathNotificationStatus", p => Str(Sub(Ext(p, "/Extension-UKCore-DeathNotificationStatus"), "deathNotificationStatus")?["valueCodeableConcept"]?["coding"]?[0]?["code"]) ?? string.Empty);
    }

    /// <summary>UK Core puts OtherContactSystem on ContactPoint.system (the gateway); PDS puts it on the ContactPoint.</summary>
    private static string Telecom(JsonNode t) =>
        $"{Str(t["system"])}|{Str(t["value"])}|{Str(t["use"])}|{Period(t)}|{Str(Coded(Ext(t, "OtherContactSystem") ?? Ext(t["_system"], "OtherContactSystem"))?["code"])}";

    /// <summary>PDS sends a Coding (valueCoding) where UK Core STU2, and so the gateway, sends a CodeableConcept.</summary>
    private static JsonNode? Coded(JsonNode? extension) => extension?["valueCoding"] ?? extension?["valueCodeableConcept"]?["coding"]?[0];

    private static string Org(JsonNode r) => $"{Str(r["identifier"]?["system"])}|{Str(r["identifier"]?["value"])}|{Period(r["identifier"]!)}";

    private static string Period(JsonNode n) => $"{Str(n["period"]?["start"])}..{Str(n["period"]?["end"])}";

    private static string Concepts(JsonNode? concepts) =>
        Join((concepts as JsonArray ?? []).Where(c => c is not null).SelectMany(c => c!["coding"]!.AsArray()).Select(c => $"{Str(c!["system"])}#{Str(c["code"])}#{Str(c["display"])}"));

    private static string? Instant(JsonNode? node) =>
        Str(node) is { } s ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture).ToString("O", CultureInfo.InvariantCulture) : null;

    private static string Join(IEnumerable<string> parts) => string.Join(";", parts);
}
