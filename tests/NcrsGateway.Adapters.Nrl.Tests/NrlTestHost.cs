using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Nrl.Tests;

/// <summary>Builds the NRL client through the real <c>AddNrlAdapter</c> registration, with in-memory configuration.</summary>
internal sealed class NrlTestHost : IDisposable
{
    public const string Token = "test-token";
    public const string DefaultOds = "Y12345";

    private readonly ServiceProvider _provider;

    public NrlTestHost(Uri baseUrl, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Adapters:Nrl:BaseUrl"] = baseUrl.AbsoluteUri,
            ["Adapters:Nrl:AccessToken"] = Token,
            ["Adapters:Nrl:EndUserOrganisationOds"] = DefaultOds,
            ["Adapters:Nrl:RetryBaseDelay"] = "00:00:00.010",
            ["Adapters:Nrl:AttemptTimeout"] = "00:00:05",
            ["Adapters:Nrl:TotalTimeout"] = "00:00:10",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddNrlAdapter(configuration);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IServiceProvider Services => _provider;

    public IRecordLocator Client => _provider.GetRequiredService<IRecordLocator>();

    public static RequestContext Context(string? ods = "A12345") => new("corr-" + Guid.NewGuid().ToString("N")[..8], ods);

    public void Dispose() => _provider.Dispose();
}
