using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using NcrsGateway.Tests.Common;
using WireMock.ResponseBuilders;
using static NcrsGateway.FunctionalTests.Examples.NhsExamples;

namespace NcrsGateway.FunctionalTests.RecordLocation;

/// <summary>
/// NHS's own example pointers, served by a WireMock NRL and read through the gateway: everything NRL says about
/// the record comes out (the attachment URL, by design, points at the gateway's Binary endpoint instead).
/// </summary>
public sealed class NrlExamplePointerTests : IAsyncLifetime
{
    private readonly NrlUpstream _nrl = new();
    private GatewayHost _host = null!;

    public static TheoryData<string> Examples => new()
    {
        "Y05868-736253002-Valid.json", "Y05868-736253002-Valid-with-ssp-content.json", "RQI-736253002-Valid.json",
        "consumer-spec_read_documentreference.json", "consumer-spec_search_bundle_9000000017.json",
    };

    public async Task InitializeAsync() => _host = await GatewayHost.StartAsync(_nrl.Settings());

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _nrl.Dispose();
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Read_NhsExamplePointer_EmitsEveryFieldNrlGave(string file)
    {
        var root = Load("nrl", file);
        var wire = root["entry"] is JsonArray entries ? entries[0]!["resource"]!.AsObject() : root;

        var output = await ReadAsync(wire);

        foreach (var (field, project) in Projections())
        {
            Assert.True(project(wire) == project(output), $"{file}: {field} differs: NRL {project(wire)} / gateway {project(output)}");
        }
    }

    [Fact]
    public async Task Read_VeryRestrictedNhsExamplePointer_KeepsItsLabelDescriptionPracticeSettingAndDocStatus()
    {
        var wire = Load("nrl", "Y05868-736253002-Valid.json");
        _nrl.Server.Given(_nrl.ReadOf(Str(wire["id"])!)).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/fhir+json").WithBody(wire.ToJsonString()));

        var pointer = await FhirAssert.ResourceAsync<DocumentReference>(await _host.CreateClinicianClient().GetAsync($"fhir/DocumentReference/{Str(wire["id"])}"));

        var label = Assert.Single(pointer.SecurityLabel).Coding.Single();
        Assert.Equal(("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "V"), (label.System, label.Code));
        Assert.Equal("Physical document mental health crisis plan", pointer.Description);
        Assert.Equal("788002001", pointer.Context.PracticeSetting.Coding.Single().Code);
        Assert.Equal(CompositionStatus.Final, pointer.DocStatus);
    }

    private async Task<JsonObject> ReadAsync(JsonObject wire)
    {
        var id = Str(wire["id"])!;
        _nrl.Server.Given(_nrl.ReadOf(id)).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/fhir+json").WithBody(wire.ToJsonString()));
        using var response = await _host.CreateClinicianClient().GetAsync($"fhir/DocumentReference/{id}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The same projection of NRL's JSON and the gateway's. An attachment without a title gets the type's display (gateway rule).</summary>
    private static IEnumerable<(string Field, Func<JsonObject, string> Project)> Projections()
    {
        yield return ("id/status/docStatus", p => $"{Str(p["id"])}|{Str(p["status"])}|{Str(p["docStatus"])}");
        yield return ("type", p => Concepts(p["type"]));
        yield return ("category", p => Concepts(p["category"]?[0]));
        yield return ("subject", p => Str(p["subject"]?["identifier"]?["value"]) ?? string.Empty);
        yield return ("custodian", p => Str(p["custodian"]?["identifier"]?["value"]) ?? string.Empty);
        yield return ("author", p => Str(p["author"]?[0]?["identifier"]?["value"]) ?? string.Empty);
        yield return ("date", p => Instant(p["date"]));
        yield return ("description", p => Str(p["description"]) ?? string.Empty);
        yield return ("securityLabel", p => string.Join(";", (p["securityLabel"] as JsonArray ?? []).Select(Concepts)));
        yield return ("context.practiceSetting", p => Concepts(p["context"]?["practiceSetting"]));
        yield return ("context.facilityType", p => Concepts(p["context"]?["facilityType"]));
        yield return ("context.event", p => string.Join(";", (p["context"]?["event"] as JsonArray ?? []).Select(Concepts)));
        yield return ("context.period", p => $"{Instant(p["context"]?["period"]?["start"])}..{Instant(p["context"]?["period"]?["end"])}");
        yield return ("content", p => string.Join(";", (p["content"] as JsonArray ?? []).Select(c =>
            $"{Str(c!["attachment"]?["contentType"])}|{Str(c["attachment"]?["title"]) ?? Str(p["type"]?["coding"]?[0]?["display"])}|{Instant(c["attachment"]?["creation"])}|{Str(c["format"]?["system"])}#{Str(c["format"]?["code"])}|{Concepts(Ext(c, "Extension-England-ContentStability")?["valueCodeableConcept"])}")));
    }

    private static string Concepts(JsonNode? concept) =>
        string.Join(",", (concept?["coding"] as JsonArray ?? []).Select(c => $"{Str(c!["system"])}#{Str(c["code"])}#{Str(c["display"])}"));

    private static string Instant(JsonNode? node) =>
        Str(node) is { } s ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture).ToString("O", CultureInfo.InvariantCulture) : string.Empty;
}
