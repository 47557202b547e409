using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Conformance.BrokenAdapter;

/// <summary>
/// The kit run against the probe adapter. Without flaws (as xunit runs this class) every check passes, so the kit does
/// not fail a well-behaved adapter; <see cref="FlawedProbeConformance"/> gives it defects.
/// </summary>
public class ProbeConformanceTests : AdapterConformanceTests<IProbeSource, ProbeResult, ProbeOptions>
{
    public const string Name = "Zarquon";

    protected virtual ProbeFlaws Flaws => ProbeFlaws.None;

    protected override string AdapterKey => ProbeServiceCollectionExtensions.Key;

    protected override string ConfigurationSection => ProbeOptions.SectionName;

    protected override string BasePath => "/probe/";

    protected override IEnumerable<string> PatientDataOnTheWire => [ValidNhsNumber, Name];

    protected override void AddAdapter(IServiceCollection services, IConfiguration configuration) =>
        services.AddProbeAdapter(configuration, Flaws);

    protected override Task<ProbeResult> InvokeAsync(IProbeSource port, string nhsNumber, RequestContext context, CancellationToken cancellationToken) =>
        port.ReadAsync(nhsNumber, context, cancellationToken);

    protected override string MinimalValidResponse(string nhsNumber) =>
        new JsonObject { ["nhsNumber"] = nhsNumber, ["name"] = Name }.ToJsonString();
}
