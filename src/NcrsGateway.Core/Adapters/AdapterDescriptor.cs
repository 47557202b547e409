namespace NcrsGateway.Core.Adapters;

/// <summary>
/// What an adapter declares about itself, registered (as a DI collection entry) by its <c>AddXxxAdapter</c> only when its
/// <c>BaseUrl</c> is configured: an unconfigured adapter is absent everywhere. The composition derives from the set of
/// descriptors which features, routes and CapabilityStatement parts exist, instead of listing adapters by hand.
/// </summary>
/// <param name="Name">Short name, e.g. <c>pds</c>; also the sandbox simulator's name.</param>
/// <param name="ConfigurationSection">Its settings section, e.g. <c>Adapters:Pds</c>.</param>
/// <param name="Port">The Core port it implements, e.g. <c>IDemographicsSource</c>.</param>
/// <param name="Serves">The resource types, interactions and search parameters it backs.</param>
/// <param name="CacheProfile">How long the gateway may keep what it returns, and which resource types; or never.</param>
public sealed record AdapterDescriptor(
    string Name,
    string ConfigurationSection,
    Type Port,
    IReadOnlyList<ServedResource> Serves,
    CacheProfile CacheProfile)
{
    /// <summary>
    /// The sandbox simulator that stands in for it (the adapter's <see cref="Name"/>): the sandbox host refuses to start while
    /// a registered descriptor has no simulator of this name. A name, not a factory: adapters never reference WireMock.
    /// </summary>
    public string SimulatorName => Name;

    /// <summary>
    /// The named <c>HttpClient</c> its calls go through: by default the port's type name, which is the name
    /// <c>AddHttpClient&lt;TPort, TClient&gt;</c> gives a typed client. Per-upstream health and telemetry key on it.
    /// </summary>
    public string HttpClientName { get; init; } = Port.Name;

    /// <summary>Its resilience pipeline (the standard handler's name for <see cref="HttpClientName"/>), as telemetry names it.</summary>
    public string ResiliencePipelineName => HttpClientName + "-standard";

    /// <summary>
    /// Its outbound request budget (<c>Adapters:{Name}:RequestsPerSecond</c> and <c>Burst</c> default to this), shared by
    /// every instance: null for an adapter whose calls do not go through the shared HTTP path (the documents pass-through).
    /// </summary>
    public RequestBudget? Budget { get; init; }

    /// <summary>Its entry in <c>/health/ready</c>: breaker state and last success, by adapter name.</summary>
    public string HealthCheckName => "upstream:" + Name;
}
