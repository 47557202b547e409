namespace NcrsGateway.Hosting;

/// <summary>
/// Which national services this gateway is configured for (a base URL, or the sandbox for both). The composition
/// registers an adapter, maps its routes and lists it in the CapabilityStatement only when it is configured: an
/// unconfigured adapter is simply absent, never simulated.
/// </summary>
internal sealed record ConfiguredUpstreams(bool Demographics, bool RecordLocator)
{
    public const string PdsBaseUrlKey = "Adapters:Pds:BaseUrl";
    public const string NrlBaseUrlKey = "Adapters:Nrl:BaseUrl";

    /// <summary>Patient search with <c>_revinclude=DocumentReference:subject</c> needs both.</summary>
    public bool PatientWithPointers => Demographics && RecordLocator;

    public static ConfiguredUpstreams From(IConfiguration configuration) => new(
        !string.IsNullOrWhiteSpace(configuration[PdsBaseUrlKey]),
        !string.IsNullOrWhiteSpace(configuration[NrlBaseUrlKey]));
}
