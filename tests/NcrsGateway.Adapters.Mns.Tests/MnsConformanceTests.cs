using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Adapters.Conformance;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Model.Events;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Mns.Tests;

/// <summary>
/// The adapter contract kit run against the MNS adapter: the representative request is a subscription create. It takes
/// no NHS number, and a create is never replayed by the pipeline (a replay could subscribe twice), so the kit checks
/// those declarations; a 404 is an upstream error, not a missing patient.
/// </summary>
public sealed class MnsConformanceTests : AdapterConformanceTests<IEventSubscriptions, EventSubscription, MnsOptions>
{
    private const string Endpoint = "https://gateway.example.nhs.uk/events/mns";

    protected override string AdapterKey => SourceServices.Mns;

    protected override string ConfigurationSection => MnsOptions.SectionName;

    protected override string BasePath => MnsOptions.BasePath;

    protected override AdapterTraits Traits { get; } = AdapterTraits.FhirHttpAdapter with { TakesNhsNumber = false, RetriesTransientFailures = false };

    protected override void AddAdapter(IServiceCollection services, IConfiguration configuration) => services.AddMnsAdapter(configuration);

    protected override Task<EventSubscription> InvokeAsync(IEventSubscriptions port, string nhsNumber, RequestContext context, CancellationToken cancellationToken) =>
        port.CreateAsync(new EventSubscriptionRequest("pds-death-notification-2", new Uri(Endpoint)), context, cancellationToken);

    protected override string MinimalValidResponse(string nhsNumber) => $$"""
        {
          "resourceType": "Subscription",
          "id": "5a3f0c55-2d0e-4f53-9b0c-0e2f6d0f7a11",
          "status": "active",
          "reason": "test",
          "criteria": "eventType=pds-death-notification-2",
          "channel": { "type": "rest-hook", "endpoint": "{{Endpoint}}", "payload": "application/json" }
        }
        """;

    protected override GatewayError? ExpectedError(int status) => status == 404 ? GatewayErrors.UpstreamError : base.ExpectedError(status);
}
