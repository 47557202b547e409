namespace NcrsGateway.Core;

/// <summary>Every HTTP header name the gateway reads or writes, in one place.</summary>
public static class KnownHeaders
{
    public const string CorrelationId = "X-Correlation-ID";
    public const string RequestId = "X-Request-ID";
    public const string EndUserOrganisationOds = "NHSD-End-User-Organisation-ODS";
    public const string SspTraceId = "Ssp-TraceID";
    public const string SspFrom = "Ssp-From";
    public const string SspTo = "Ssp-To";
    public const string SspInteractionId = "Ssp-InteractionID";
    public const string WorkstationId = "X-Workstation-ID";
    public const string OriginFeature = "X-Origin-Feature";
    public const string EncounterId = "X-Encounter-ID";
    public const string CacheStatus = "X-Cache";
    public const string RetryAfter = "Retry-After";
}
