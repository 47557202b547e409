using NcrsGateway.Adapters.Http;

namespace NcrsGateway.Adapters.Nrl;

/// <summary>
/// Settings for the NRL v3 consumer (FHIR R4) adapter, bound from <c>Adapters:Nrl</c>. <see cref="UpstreamOptions.BaseUrl"/>
/// is the NRL consumer base URL, ending in <c>/record-locator/consumer/FHIR/R4/</c>; unset means the embedded sandbox.
/// Retries apply to reads (GET and the search POST).
/// </summary>
public sealed class NrlOptions : UpstreamOptions
{
    public const string SectionName = "Adapters:Nrl";

    /// <summary>The path every NRL v3 consumer base URL ends with.</summary>
    public const string ConsumerBasePath = "/record-locator/consumer/FHIR/R4/";

    /// <summary>
    /// Accept <c>http://</c> document URLs in pointers (the embedded sandbox serves documents over plain HTTP).
    /// Only allowed when <see cref="UpstreamOptions.BaseUrl"/> is a loopback address; production pointers must be https or ssp.
    /// </summary>
    public bool AllowHttpContentUrls { get; set; }
}
