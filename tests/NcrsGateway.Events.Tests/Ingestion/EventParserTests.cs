using System.Text;
using NcrsGateway.Core.Errors;
using NcrsGateway.Events.Ingestion;

namespace NcrsGateway.Events.Tests.Ingestion;

public sealed class EventParserTests
{
    [Fact]
    public void Parse_SingleCloudEvent_ReadsTheFieldsTheInboxKeeps()
    {
        var delivery = EventParser.Parse(Payloads.Read("death-2.cloudevent.json"), "application/cloudevents+json; charset=utf-8", 10);

        var e = Assert.Single(delivery.Accepted);
        Assert.Empty(delivery.Rejected);
        Assert.False(delivery.IsBatch);
        Assert.Equal("https://fhir.nhs.uk/Id/nhsSpineASID/477121000324", e.Source);
        Assert.Equal("5b0f3c2e-8f4a-4c1e-9d2b-1a7e6c3f9a01", e.Id);
        Assert.Equal(EventKind.Death, e.Kind);
        Assert.Equal("9000000009", e.Subject?.Value);
        Assert.Equal(3, e.VersionId);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 15, 0, TimeSpan.Zero), e.Time);
    }

    [Fact]
    public void Parse_BatchWithOneInvalidEvent_KeepsTheValidOnesAndNamesTheRejectedByPosition()
    {
        var delivery = EventParser.Parse(Payloads.Read("batch-mixed.cloudevents.json"), "application/cloudevents-batch+json", 10);

        Assert.True(delivery.IsBatch);
        Assert.Equal(["0b7d1c52-5d53-4c8e-8a35-2f4f1f0c2a10", "0b7d1c52-5d53-4c8e-8a35-2f4f1f0c2a12"], delivery.Accepted.Select(e => e.Id));
        var rejected = Assert.Single(delivery.Rejected);
        Assert.Equal(1, rejected.Position);
        Assert.Equal("0b7d1c52-5d53-4c8e-8a35-2f4f1f0c2a11", rejected.Id);
        Assert.Contains("not a valid NHS number", rejected.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("9000000018", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownType_IsAcceptedNotRejected()
    {
        var delivery = EventParser.Parse(Payloads.Read("batch-mixed.cloudevents.json"), "application/cloudevents-batch+json", 10);

        Assert.Contains(delivery.Accepted, e => e.Type == "patientflags-change-1" && e.Kind == EventKind.Unknown);
    }

    [Fact]
    public void Parse_FhirHistoryBundle_ReadsEachNotificationAndSkipsHydratedResources()
    {
        var delivery = EventParser.Parse(Payloads.Read("record-change-2.fhir-signal.json"), "application/fhir+json", 10);

        var e = Assert.Single(delivery.Accepted);
        Assert.Empty(delivery.Rejected);
        Assert.Equal("2e6a1f4c-7b3d-4a2e-8c9f-0d1e2f3a4b5c", e.Id);
        Assert.Equal("pds-record-change-2", e.Type);
        Assert.Equal("9000000017", e.Subject?.Value);
        Assert.Equal(4, e.VersionId);
    }

    [Fact]
    public void Parse_OlderPlainJsonVariant_NamesTheSameSenderAsTheNewTypes()
    {
        var delivery = EventParser.Parse(Payloads.Read("change-of-gp-1.legacy.json"), "application/json", 10);

        var e = Assert.Single(delivery.Accepted);
        Assert.Equal("https://fhir.nhs.uk/Id/nhsSpineASID/477121000324", e.Source);
        Assert.Equal(EventKind.GpChange, e.Kind);
        Assert.Equal("9000000017", e.Subject?.Value);
        Assert.Equal(2, e.VersionId);
    }

    [Theory]
    [InlineData("""{"specversion":"0.3","id":"a","source":"s","type":"pds-record-change-2","subject":"9000000009"}""", "specversion")]
    [InlineData("""{"specversion":"1.0","source":"s","type":"pds-record-change-2","subject":"9000000009"}""", "id is required")]
    [InlineData("""{"specversion":"1.0","id":"a","type":"pds-record-change-2","subject":"9000000009"}""", "source is required")]
    [InlineData("""{"specversion":"1.0","id":"a","source":"s","subject":"9000000009"}""", "type is required")]
    [InlineData("""{"specversion":"1.0","id":"a","source":"s","type":"pds-death-notification-2"}""", "subject is required")]
    [InlineData("""{"specversion":"1.0","id":"a","source":"s","type":"pds-record-change-2","subject":"9000000009","time":"yesterday"}""", "time must be")]
    [InlineData("""{"specversion":"1.0","id":"a","source":"s","type":"pds-record-change-2","subject":"9000000009","versionid":"four"}""", "versionid")]
    [InlineData("""[1,2]""", "JSON object")]
    [InlineData("""not json""", "not valid JSON")]
    public void Parse_InvalidEvent_IsRejectedWithTheRuleItBroke(string json, string reason)
    {
        var delivery = EventParser.Parse(Encoding.UTF8.GetBytes(json), "application/cloudevents+json", 10);

        Assert.Empty(delivery.Accepted);
        Assert.Contains(reason, Assert.Single(delivery.Rejected).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnsupportedContentType_IsRefusedUnread()
    {
        var e = Assert.Throws<GatewayException>(() => EventParser.Parse(Payloads.Read("death-2.cloudevent.json"), "text/plain", 10));

        Assert.Equal(415, e.Error.HttpStatus);
    }

    [Fact]
    public void Parse_BatchOverTheEventLimit_IsRefusedWhole()
    {
        var e = Assert.Throws<GatewayException>(() => EventParser.Parse(Payloads.Read("batch-mixed.cloudevents.json"), "application/cloudevents-batch+json", 2));

        Assert.Equal(413, e.Error.HttpStatus);
    }
}
