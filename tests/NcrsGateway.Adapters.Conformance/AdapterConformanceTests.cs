using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Ports;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace NcrsGateway.Adapters.Conformance;

/// <summary>
/// The obligations every upstream adapter meets, checked against WireMock (Aspire's <c>ConformanceTests</c> habit).
/// An adapter's test project subclasses this once and supplies how to register the adapter, how to make one
/// representative logical request through its Core port, and a minimal valid upstream answer; every public test
/// method here then runs for that adapter. Where an adapter legitimately differs (NRL answers an unknown patient
/// with 404, which is an empty result) the subclass says so through <see cref="ExpectedError"/>; where an obligation
/// takes another form for its kind of adapter (a byte-streaming adapter maps no elements, retries nothing, takes no NHS
/// number) it says so through <see cref="Traits"/>, and the kit checks that declaration instead.
/// </summary>
/// <typeparam name="TPort">The Core port the adapter implements.</typeparam>
/// <typeparam name="TResult">What the representative request returns.</typeparam>
/// <typeparam name="TOptions">The adapter's options class.</typeparam>
public abstract partial class AdapterConformanceTests<TPort, TResult, TOptions> : IDisposable
    where TPort : class
    where TOptions : class
{
    /// <summary>A valid (Modulus 11) test NHS number the representative request is made for.</summary>
    public const string ValidNhsNumber = "9000000009";

    /// <summary>Ten digits that fail the Modulus 11 check: must never reach an upstream.</summary>
    public const string InvalidNhsNumber = "9000000000";

    /// <summary>The caller's organisation in <see cref="Context"/>.</summary>
    public const string CallerOds = "A12345";

    /// <summary>The organisation configured for calls whose caller's organisation is not known.</summary>
    public const string ConfiguredOds = "Y99999";

    /// <summary>Text the upstream puts in its error bodies; it must never reach the caller.</summary>
    protected const string UpstreamDiagnostics = "conformance-upstream-internal-detail";

    private readonly List<ServiceProvider> _providers = [];

    protected AdapterConformanceTests()
    {
        Token = "conformance-" + Guid.NewGuid().ToString("N");
    }

    /// <summary>The stand-in national API; every request to it is in its log entries.</summary>
    protected WireMockServer Server { get; } = WireMockServer.Start();

    /// <summary>The token the kit's keyed <see cref="IUpstreamTokenProvider"/> hands out.</summary>
    protected string Token { get; }

    /// <summary>The adapter's key: its keyed token provider's key and the <see cref="Core.Model.Provenance.Source"/> it stamps.</summary>
    protected abstract string AdapterKey { get; }

    /// <summary>The adapter's configuration section, e.g. <c>Adapters:Pds</c>.</summary>
    protected abstract string ConfigurationSection { get; }

    /// <summary>The upstream API's base path, e.g. <c>/personal-demographics/FHIR/R4/</c> (options rules may require it).</summary>
    protected abstract string BasePath { get; }

    /// <summary>Registers the adapter exactly as a host does, e.g. <c>services.AddPdsAdapter(configuration)</c>.</summary>
    protected abstract void AddAdapter(IServiceCollection services, IConfiguration configuration);

    /// <summary>
    /// Makes one representative logical request through the port for <paramref name="nhsNumber"/> (a raw string: turn it into
    /// the port's input the way the feature does, e.g. with <see cref="ParseNhsNumber"/>).
    /// </summary>
    protected abstract Task<TResult> InvokeAsync(TPort port, string nhsNumber, RequestContext context, CancellationToken cancellationToken);

    /// <summary>A minimal valid upstream answer to the representative request for <paramref name="nhsNumber"/>, holding at least one element.</summary>
    protected abstract string MinimalValidResponse(string nhsNumber);

    /// <summary>
    /// The taxonomy error the adapter maps an upstream status to, or null when that status is a result, not an error
    /// (then the call must succeed). Defaults: 401/403 access denied, 404 patient not found, 429 busy, 503 unavailable,
    /// other 5xx upstream error.
    /// </summary>
    protected virtual GatewayError? ExpectedError(int status) => status switch
    {
        401 or 403 => GatewayErrors.UpstreamAccessDenied,
        404 => GatewayErrors.PatientNotFound,
        429 => GatewayErrors.UpstreamRateLimited,
        503 => GatewayErrors.UpstreamUnavailable,
        _ => GatewayErrors.UpstreamError,
    };

    /// <summary>Patient data in <see cref="MinimalValidResponse"/> that must never be logged (the NHS number always; add names, postcodes).</summary>
    protected virtual IEnumerable<string> PatientDataOnTheWire => [ValidNhsNumber];

    /// <summary>The adapter's own settings beyond the kit's (relative keys, e.g. <c>AllowHttpContentUrls</c>).</summary>
    protected virtual IReadOnlyDictionary<string, string?> AdapterSettings => new Dictionary<string, string?>();

    /// <summary>A setting the adapter's validation must refuse at start-up (relative key, value).</summary>
    protected virtual (string Key, string Value) InvalidSetting => ("AttemptTimeout", "00:00:00");

    /// <summary>Every mapped element's provenance in the result; by default every gateway element found in it, however deep.</summary>
    protected virtual IEnumerable<Core.Model.Provenance?> Provenances(TResult result) => ProvenanceWalker.Collect(result);

    /// <summary>What kind of adapter this is, where an obligation takes another form (see <see cref="AdapterTraits"/>).</summary>
    protected virtual AdapterTraits Traits => AdapterTraits.FhirHttpAdapter;

    /// <summary>
    /// The settings that point the adapter at <paramref name="upstreamBase"/> (the stand-in's root plus <see cref="BasePath"/>)
    /// with quick retries and generous timeouts; relative keys. Defaults: the <c>UpstreamOptions</c> keys.
    /// </summary>
    protected virtual IReadOnlyDictionary<string, string?> UpstreamSettings(Uri upstreamBase)
    {
        ArgumentNullException.ThrowIfNull(upstreamBase);
        return new Dictionary<string, string?>
        {
            ["BaseUrl"] = upstreamBase.AbsoluteUri,
            ["EndUserOrganisationOds"] = ConfiguredOds,
            ["RetryBaseDelay"] = "00:00:00.010",
            ["AttemptTimeout"] = "00:00:30",
            ["TotalTimeout"] = "00:01:00",
        };
    }

    /// <summary>Settings that turn retries off (relative keys); empty for an adapter that never retries.</summary>
    protected virtual IReadOnlyDictionary<string, string?> NoRetrySettings => new Dictionary<string, string?> { ["MaxRetries"] = "0" };

    /// <summary>Settings with timeouts short enough for a 3 s delay to exceed them, retries off (relative keys).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ShortTimeoutSettings => new Dictionary<string, string?>
    {
        ["AttemptTimeout"] = "00:00:00.200",
        ["TotalTimeout"] = "00:00:00.500",
        ["MaxRetries"] = "0",
    };

    /// <summary>
    /// A pause longer than the idle-read timeout in <see cref="ShortTimeoutSettings"/>: the slow-body upstream's pause between
    /// two bytes for an adapter that <see cref="AdapterTraits.TimesOutIdleBodyOnly"/> (others get 300 ms pauses, which a
    /// whole-body timeout of 0.5 s must cut off).
    /// </summary>
    protected virtual TimeSpan LongerThanIdleTimeout =>
        throw new NotSupportedException($"{GetType().Name} declares TimesOutIdleBodyOnly but not how long its idle timeout is.");

    /// <summary>The bytes a pass-through adapter delivered (<see cref="AdapterTraits.PassesBytesThrough"/> only).</summary>
    protected virtual byte[] PassedThroughBytes(TResult result) =>
        throw new NotSupportedException($"{GetType().Name} declares PassesBytesThrough but does not say where its bytes are.");

    /// <summary>The base URL the last adapter built was pointed at, for adapters whose input names the upstream (a document URL).</summary>
    protected Uri UpstreamBase { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The caller's context: a fresh correlation ID and <see cref="CallerOds"/> unless told otherwise.</summary>
    protected static RequestContext Context(string? ods = CallerOds) => new("conformance-" + Guid.NewGuid().ToString("N")[..12], ods);

    /// <summary>Turns a raw NHS number into the checked type the ports take, refusing an invalid one as the features do.</summary>
    protected static NhsNumber ParseNhsNumber(string raw) =>
        NhsNumber.TryParse(raw, out var nhsNumber) ? nhsNumber : throw new GatewayException(GatewayErrors.InvalidNhsNumber);

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        Server.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Builds the adapter through its registration against <paramref name="upstream"/> (the WireMock server by default).</summary>
    protected ServiceProvider BuildAdapter(IDictionary<string, string?>? overrides = null, Uri? upstream = null, bool validateOnBuild = true)
    {
        var root = upstream ?? new Uri(Server.Url! + "/");
        UpstreamBase = new Uri(root, BasePath.TrimStart('/'));
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in UpstreamSettings(UpstreamBase))
        {
            settings[Key(key)] = value;
        }

        foreach (var (key, value) in AdapterSettings)
        {
            settings[Key(key)] = value;
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[Key(key)] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        services.AddKeyedSingleton<IUpstreamTokenProvider>(AdapterKey, new ConformanceTokenProvider(Token));
        AddAdapter(services, configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = validateOnBuild, ValidateScopes = true });
        _providers.Add(provider);
        return provider;
    }

    /// <summary>Runs the representative request through a freshly built adapter.</summary>
    protected Task<TResult> CallAsync(IServiceProvider adapter, RequestContext context, string nhsNumber = ValidNhsNumber) =>
        InvokeAsync(adapter.GetRequiredService<TPort>(), nhsNumber, context, CancellationToken.None);

    /// <summary>Answers every request with <paramref name="status"/> and <paramref name="body"/> as FHIR JSON.</summary>
    protected void Answer(int status, string body, string? retryAfter = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/fhir+json").WithBody(body);
        if (retryAfter is not null)
        {
            response = response.WithHeader("Retry-After", retryAfter);
        }

        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(response);
    }

    /// <summary>Answers every request with the minimal valid response.</summary>
    protected void AnswerOk() => Answer(200, MinimalValidResponse(ValidNhsNumber));

    /// <summary>An OperationOutcome an upstream sends with an error status.</summary>
    protected static string ErrorOutcome(string issueCode = "processing") => new JsonObject
    {
        ["resourceType"] = "OperationOutcome",
        ["issue"] = new JsonArray(new JsonObject { ["severity"] = "error", ["code"] = issueCode, ["diagnostics"] = UpstreamDiagnostics }),
    }.ToJsonString();

    /// <summary>Every request the upstream received, in order.</summary>
    protected IReadOnlyList<IRequestMessage> Received => Server.LogEntries.Select(e => e.RequestMessage!).ToList();

    /// <summary>All values of one request header (case-insensitive name).</summary>
    protected static IReadOnlyList<string> HeaderValues(IRequestMessage request, string name) =>
        request.Headers?.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).SelectMany(h => h.Value).ToList() ?? [];

    /// <summary>Every line the adapter logged, with its structured values, scopes and exception.</summary>
    protected static IReadOnlyList<string> LogLines(IServiceProvider adapter) =>
        adapter.GetFakeLogCollector().GetSnapshot().Select(r => string.Join(
            " | ",
            new[] { r.Message, r.Exception?.ToString() }
                .Concat(r.StructuredState?.Select(p => p.Key + "=" + p.Value) ?? [])
                .Concat(r.Scopes.Select(s => s?.ToString())))).ToList();

    private string Key(string relative) => ConfigurationSection + ":" + relative;
}
