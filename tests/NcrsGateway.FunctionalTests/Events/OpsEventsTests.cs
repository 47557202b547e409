using System.Net;
using System.Text.Json;
using NcrsGateway.Events.Inbox;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace NcrsGateway.FunctionalTests.Events;

/// <summary>The operator endpoints: role <c>ops</c> only, lists without patients, reprocess that the worker acts on.</summary>
public sealed class OpsEventsTests
{
    private static readonly TestUser Operator = new("test-ops", "ops", "Y12345");

    [Fact]
    public async Task ListByStatus_AsOps_ShowsTheDeadLetterWithItsReasonAndNoPatient()
    {
        await using var gateway = await DeadLetterAsync();
        using var ops = gateway.Host.CreateClient(TestTokens.Mint(Operator, "ws-ops"));

        using var response = await ops.GetAsync("ops/events?status=dead-letter&since=2000-01-01T00:00:00Z");
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var list = JsonDocument.Parse(json);
        var row = Assert.Single(list.RootElement.EnumerateArray());
        Assert.Equal("ops-1", row.GetProperty("externalId").GetString());
        Assert.StartsWith("upstream-", row.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SandboxPatients.Minimal, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reprocess_DeadLetters_AfterTheUpstreamRecovers_AreProcessed()
    {
        await using var gateway = await DeadLetterAsync();
        using var ops = gateway.Host.CreateClient(TestTokens.Mint(Operator, "ws-ops"));
        gateway.Sandbox.Server.ResetMappings();
        gateway.Sandbox.Server.Given(Request.Create().WithPath(new WildcardMatcher($"/*{SandboxPatients.Minimal}*"))).AtPriority(-100)
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/fhir+json")
                .WithBody("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found","details":{"coding":[{"system":"https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode","code":"RESOURCE_NOT_FOUND"}]}}]}"""));

        using var response = await ops.PostAsync("ops/events/reprocess?status=dead-letter", null);
        var row = Assert.Single(await gateway.SettledAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"reprocessed\":1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(InboxStatus.Processed, row.Status);
    }

    [Theory]
    [InlineData("clinician")]
    [InlineData("auditor")]
    [InlineData("support")]
    public async Task List_WithoutTheOpsRole_Is403(string role)
    {
        await using var gateway = await EventsGateway.StartAsync();
        using var client = gateway.Host.CreateClient(TestTokens.Mint(new TestUser("test-" + role, role, "Y12345"), "ws-x"));

        using var response = await client.GetAsync("ops/events");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("ops/events?status=lost")]
    [InlineData("ops/events?since=yesterday")]
    [InlineData("ops/events?limit=0")]
    public async Task List_WithABadParameter_Is400WithAnOperationOutcome(string url)
    {
        await using var gateway = await EventsGateway.StartAsync();
        using var ops = gateway.Host.CreateClient(TestTokens.Mint(Operator, "ws-ops"));

        using var response = await ops.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid-event-query", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A gateway holding one dead-lettered death event (the simulated PDS failed every attempt).</summary>
    private static async Task<EventsGateway> DeadLetterAsync()
    {
        var gateway = await EventsGateway.StartAsync(new Dictionary<string, string?> { ["Events:MaxAttempts"] = "1" });
        gateway.Sandbox.Server.Given(Request.Create().WithPath(new WildcardMatcher($"/*{SandboxPatients.Minimal}*"))).AtPriority(-100)
            .RespondWith(Response.Create().WithStatusCode(500));
        await gateway.SendAsync(EventsGateway.Event("ops-1", "pds-death-notification-2", SandboxPatients.Minimal));
        Assert.Equal(InboxStatus.DeadLetter, Assert.Single(await gateway.SettledAsync()).Status);
        return gateway;
    }
}
