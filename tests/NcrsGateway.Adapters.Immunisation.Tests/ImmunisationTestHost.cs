using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NcrsGateway.Core;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Immunisation.Tests;

/// <summary>
/// Builds the Immunisation client through the real <c>AddImmunisationAdapter</c> registration, with in-memory
/// configuration and a log collector so tests can read every log line the adapter wrote.
/// </summary>
internal sealed class ImmunisationTestHost : IDisposable
{
    public const string Token = "test-token";
    public const string DefaultOds = "Y12345";

    private readonly ServiceProvider _provider;

    public ImmunisationTestHost(Uri baseUrl, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Adapters:Immunisation:BaseUrl"] = baseUrl.AbsoluteUri,
            ["Adapters:Immunisation:AccessToken"] = Token,
            ["Adapters:Immunisation:EndUserOrganisationOds"] = DefaultOds,
            ["Adapters:Immunisation:RetryBaseDelay"] = "00:00:00.010",
            ["Adapters:Immunisation:AttemptTimeout"] = "00:00:05",
            ["Adapters:Immunisation:TotalTimeout"] = "00:00:10",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        services.AddImmunisationAdapter(configuration);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IImmunisationHistory Client => _provider.GetRequiredService<IImmunisationHistory>();

    public IReadOnlyList<FakeLogRecord> Logs => _provider.GetFakeLogCollector().GetSnapshot();

    public static RequestContext Context(string? ods = "A12345") => new("corr-" + Guid.NewGuid().ToString("N")[..8], ods);

    public static NhsNumber Nhs(string value) => NhsNumber.TryParse(value, out var n) ? n : throw new ArgumentException("bad test NHS number");

    public void Dispose() => _provider.Dispose();
}
