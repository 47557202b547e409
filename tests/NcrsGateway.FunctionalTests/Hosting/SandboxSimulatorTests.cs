using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Adapters.Documents;
using NcrsGateway.Adapters.Immunisation;
using NcrsGateway.Adapters.Nrl;
using NcrsGateway.Adapters.Pds;
using NcrsGateway.Core.Adapters;
using NcrsGateway.Hosting;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace NcrsGateway.FunctionalTests.Hosting;

/// <summary>
/// Issue 10 items 1 and 3: the sandbox host starts every registered <see cref="ISandboxSimulator"/> and points each adapter
/// at its simulator from the simulators' own declarations; no adapter runs in the sandbox without one.
/// </summary>
public sealed class SandboxSimulatorTests
{
    private static readonly AdapterDescriptor Unsimulated = new(
        "unsimulated", "Adapters:Unsimulated", typeof(IUnsimulatedSource), [], CacheProfile.Never("unsimulated"));

    private interface IUnsimulatedSource;

    [Fact]
    public async Task Sandbox_EveryRegisteredAdapter_HasARunningSimulatorItIsPointedAt()
    {
        await using var host = await GatewayHost.StartAsync();
        var sandbox = host.Services.GetRequiredService<SandboxUpstreams>();
        var config = host.Services.GetRequiredService<IConfiguration>();
        var descriptors = host.Services.GetServices<AdapterDescriptor>().ToList();

        Assert.True(sandbox.Server.IsStarted);
        Assert.Subset(descriptors.Select(d => d.Name).ToHashSet(), new HashSet<string> { "pds", "nrl", "documents" });
        Assert.All(descriptors, descriptor =>
        {
            var simulator = Assert.Single(sandbox.Simulators, s => s.Name == descriptor.SimulatorName);
            Assert.Equal(descriptor.ConfigurationSection, simulator.ConfigurationSection);
            var endpoints = Endpoints(config.GetSection(descriptor.ConfigurationSection));
            Assert.NotEmpty(endpoints);
            Assert.All(endpoints, authority => Assert.Equal(sandbox.BaseUrl.Authority, authority)); // never anywhere else
        });
    }

    [Fact]
    public void SandboxSimulators_StandInForEveryAdapterOfTheRepository_ByDescriptorNameAndSection()
    {
        AdapterDescriptor[] adapters =
        [
            PdsServiceCollectionExtensions.Descriptor,
            NrlServiceCollectionExtensions.Descriptor,
            DocumentsServiceCollectionExtensions.Descriptor,
            ImmunisationServiceCollectionExtensions.Descriptor,
            NcrsGateway.Adapters.Mns.MnsServiceCollectionExtensions.Descriptor,
        ];

        var simulators = SandboxSimulators.From(new ServiceCollection().AddSandboxSimulators().AddSandboxSimulators());

        Assert.Equal(adapters.Length, simulators.Count); // registered once each, however often asked
        Assert.All(adapters, a => Assert.Equal(a.ConfigurationSection, Assert.Single(simulators, s => s.Name == a.SimulatorName).ConfigurationSection));
    }

    [Fact]
    public async Task Sandbox_AdapterWithoutASimulator_RefusesToStartInOneLineNamingIt()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => GatewayHost.StartAsync(configure: b => b.Services.AddSingleton(Unsimulated)));

        var line = Assert.Single(ConfigurationErrors.Describe(error));
        Assert.Contains("'unsimulated' (Adapters:Unsimulated) has no sandbox simulator", line, StringComparison.Ordinal);
        Assert.Contains("Sandbox:Enabled", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sandbox_AdapterWithItsOwnSimulator_StartsWithTheAdapterPointedAtIt()
    {
        var simulator = new FakeSimulator();

        await using var host = await GatewayHost.StartAsync(configure: b => b.Services.AddSingleton(Unsimulated).AddSandboxSimulator(simulator));

        var sandbox = host.Services.GetRequiredService<SandboxUpstreams>();
        var baseUrl = host.Services.GetRequiredService<IConfiguration>()["Adapters:Unsimulated:BaseUrl"];
        Assert.Equal(new Uri(sandbox.BaseUrl, FakeSimulator.BasePath).ToString(), baseUrl);
        using var http = new HttpClient();
        using var answer = await http.GetAsync(new Uri(new Uri(baseUrl!), "ping"));
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
    }

    [Theory]
    [InlineData("Adapters:Immunisation:BaseUrl", "https://int.api.service.nhs.uk/immunisation-fhir-api/FHIR/R4/", "Adapters:Immunisation:BaseUrl")]
    [InlineData("Documents:AllowedHosts:0", "documents.example.nhs.uk", "Documents:AllowedHosts")]
    [InlineData("Documents:SspFromAsid", "200000000001", "Documents:SspFromAsid")]
    [InlineData("Adapters:Unsimulated:BaseUrl", "https://unsimulated.example.nhs.uk/", "Adapters:Unsimulated:BaseUrl")]
    public async Task SandboxEnabled_WithASimulatorsRealServiceKey_IsRefusedNamingTheKey(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?> { ["Sandbox:Enabled"] = "true", [key] = value };

        var error = await Assert.ThrowsAsync<GatewayConfigurationException>(
            () => GatewayHost.StartAsync(settings, b => b.Services.AddSandboxSimulator(new FakeSimulator())));

        var line = Assert.Single(error.Errors);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.Contains("Sandbox:Enabled", line, StringComparison.Ordinal);
    }

    /// <summary>Authorities of the URLs and hosts configured in <paramref name="section"/> (base URLs, allowed hosts).</summary>
    private static List<string> Endpoints(IConfigurationSection section) =>
        section.AsEnumerable()
            .Select(kv => kv.Value)
            .Select(v => Uri.TryCreate(v, UriKind.Absolute, out var url) && url.Scheme.StartsWith("http", StringComparison.Ordinal) ? url.Authority
                : Uri.TryCreate("http://" + v, UriKind.Absolute, out var host) && v!.Contains(':', StringComparison.Ordinal) && !v.Contains('/', StringComparison.Ordinal) ? host.Authority
                : null)
            .OfType<string>()
            .ToList();

    /// <summary>An integrator's simulator for the <c>unsimulated</c> adapter: one stub, a base URL and its real-service key.</summary>
    private sealed class FakeSimulator : ISandboxSimulator
    {
        public const string BasePath = "/unsimulated/";

        public string Name => Unsimulated.SimulatorName;

        public string ConfigurationSection => Unsimulated.ConfigurationSection;

        public IReadOnlyList<string> RealServiceKeys { get; } = ["BaseUrl"];

        public void Register(WireMockServer server) =>
            server.Given(Request.Create().WithPath(BasePath + "ping").UsingGet()).RespondWith(Response.Create().WithStatusCode(204));

        public IReadOnlyDictionary<string, string?> Settings(Uri serverBaseUrl, IConfigurationSection configured) =>
            new Dictionary<string, string?> { ["BaseUrl"] = new Uri(serverBaseUrl, BasePath).ToString() };
    }
}
