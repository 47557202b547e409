using System.Globalization;
using System.Text.Json.Nodes;
using NcrsGateway.Core.Model;

namespace NcrsGateway.Adapters.Nrl.Tests;

/// <summary>Every NHS example pointer, mapped field by field: nothing NRL says about the record is dropped.</summary>
public sealed class NrlExampleMappingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Examples => NrlExamples.Names();

    [Theory]
    [MemberData(nameof(Examples))]
    public void TryMap_NhsExample_KeepsEveryFieldIncludingConfidentiality(string example)
    {
        var json = NrlExamples.Json(example);

        Assert.True(NrlMapper.TryMap(NrlExamples.Pointer(example), null, allowHttp: false, Now, out var pointer, out var reason), reason);

        Assert.Equal(Str(json["id"]), pointer.Id);
        Assert.Equal(Str(json["subject"]?["identifier"]?["value"]), pointer.Patient.Value);
        Assert.Equal(Str(json["status"]), pointer.Status.ToString().ToLowerInvariant());
        Assert.Equal(Str(json["docStatus"])?.Replace("-", string.Empty, StringComparison.Ordinal), pointer.DocStatus?.ToString().ToLowerInvariant());
        Assert.Equal(Coding(json["type"]), Coding(pointer.Type));
        Assert.Equal(Coding(json["category"]?[0]), Coding(pointer.Category));
        Assert.Equal(Str(json["custodian"]?["identifier"]?["value"]), pointer.CustodianOds);
        Assert.Equal(Str(json["author"]?[0]?["identifier"]?["value"]), pointer.Author?.OdsCode);
        Assert.Equal(Instant(json["date"]), pointer.Created);
        Assert.Equal(Str(json["description"]), pointer.Description);
        Assert.Equal(
            (json["securityLabel"] as JsonArray ?? []).SelectMany(l => l!["coding"]!.AsArray()).Select(Coding),
            pointer.Confidentiality.Labels.Select(Coding));
        Assert.Equal(Str(json["securityLabel"]?[0]?["coding"]?[0]?["code"]) == "V" ? Sensitivity.VeryRestricted : Sensitivity.Unrestricted, pointer.Confidentiality.Level);

        var context = json["context"];
        Assert.Equal(Coding(context?["practiceSetting"]), Coding(pointer.Context?.PracticeSetting));
        Assert.Equal(Coding(context?["facilityType"]), Coding(pointer.Context?.FacilityType));
        Assert.Equal((context?["event"] as JsonArray ?? []).Select(Coding), (pointer.Context?.Events ?? []).Select(Coding));
        Assert.Equal((Instant(context?["period"]?["start"]), Instant(context?["period"]?["end"])), (pointer.Context?.PeriodStart, pointer.Context?.PeriodEnd));

        var contents = json["content"]!.AsArray();
        Assert.Equal(contents.Count, pointer.Content.Count);
        for (var i = 0; i < contents.Count; i++)
        {
            var wire = contents[i]!;
            var content = pointer.Content[i];
            Assert.Equal(Str(wire["attachment"]?["url"]), content.Url.OriginalString);
            Assert.Equal(Str(wire["attachment"]?["contentType"]), content.ContentType);
            Assert.Equal(Str(wire["attachment"]?["title"]), content.Title);
            Assert.Equal(Instant(wire["attachment"]?["creation"]), content.Created);
            Assert.Equal($"{Str(wire["format"]?["system"])}|{Str(wire["format"]?["code"])}|{Str(wire["format"]?["display"])}", Coding(content.Format));
            var stability = (wire["extension"] as JsonArray)?.FirstOrDefault(e => Str(e!["url"])!.EndsWith("Extension-England-ContentStability", StringComparison.Ordinal));
            Assert.Equal(Coding(stability?["valueCodeableConcept"]), Coding(content.Stability));
        }

        Assert.Equal((SourceServices.Nrl, Now), (pointer.Provenance.Source, pointer.Provenance.RetrievedAt));
    }

    [Fact]
    public void TryMap_NrlExamplePointer_KeepsVeryRestrictedLabelDescriptionPracticeSettingAndDocStatus()
    {
        Assert.True(NrlMapper.TryMap(NrlExamples.Pointer("Y05868-736253002-Valid.json"), null, false, Now, out var pointer, out _));

        var label = Assert.Single(pointer.Confidentiality.Labels);
        Assert.Equal((PointerConfidentiality.ConfidentialitySystem, "V", "very restricted"), (label.System, label.Code, label.Display));
        Assert.Equal(Sensitivity.VeryRestricted, pointer.Confidentiality.Level);
        Assert.Equal("Physical document mental health crisis plan", pointer.Description);
        Assert.Equal("788002001", pointer.Context?.PracticeSetting?.Code);
        Assert.Equal(DocumentStatus.Final, pointer.DocStatus);
    }

    private static string? Str(JsonNode? node) => node?.GetValue<string>();

    private static DateTimeOffset? Instant(JsonNode? node) => Str(node) is { } s ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture) : null;

    /// <summary>A coding (or a concept's first coding) as system|code|display.</summary>
    private static string? Coding(JsonNode? node)
    {
        var c = node?["coding"]?[0] ?? node;
        return c is null ? null : $"{Str(c["system"])}|{Str(c["code"])}|{Str(c["display"])}";
    }

    private static string? Coding(CodedConcept? c) => c is null ? null : $"{c.System}|{c.Code}|{c.Display}";
}
