using System.ComponentModel.DataAnnotations;

namespace NcrsGateway.Adapters.Documents;

/// <summary>
/// Settings for document retrieval (<c>GET /fhir/Binary/{pointerId}</c>), bound from <c>Documents</c>. The
/// pass-through uses YARP's forwarder, not an <c>IHttpClientFactory</c> client, so the standard resilience
/// handler does not apply: its timeouts are these.
/// </summary>
public sealed class DocumentsOptions
{
    public const string SectionName = "Documents";

    /// <summary>Default Spine interaction id sent as <c>Ssp-InteractionID</c> for an NRL document retrieval.</summary>
    public const string DefaultSspInteractionId = "urn:nhs:names:services:nrl:DocumentReference.content.read";

    /// <summary>
    /// Repository hosts documents may be fetched from directly, as <c>host</c> (default port) or <c>host:port</c>.
    /// A pointer whose URL names any other host is refused. <c>ssp://</c> documents go only to <see cref="SspBaseUrl"/>.
    /// </summary>
#pragma warning disable CA1819 // bound from configuration
    public string[] AllowedHosts { get; set; } = [];
#pragma warning restore CA1819

    /// <summary>Fetch <c>http://</c> document URLs (the embedded sandbox). Only valid when every allowed host is loopback.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// How long the repository may stay silent (waiting for its headers, or between two reads of the body) before
    /// the download is abandoned: 504 <c>upstream-timeout</c> while nothing has reached the caller, an aborted
    /// response once the body has started. YARP's <c>ForwarderRequestConfig.ActivityTimeout</c>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan IdleReadTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long opening a connection to a repository may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Spine Secure Proxy base URL for <c>ssp://</c> documents. Unset: <c>ssp://</c> documents cannot be retrieved.</summary>
    public Uri? SspBaseUrl { get; set; }

    /// <summary>This system's Spine ASID, sent as <c>Ssp-From</c>. Required with <see cref="SspBaseUrl"/>.</summary>
    [RegularExpression("^[0-9]{1,12}$")]
    public string? SspFromAsid { get; set; }

    /// <summary>Sent as <c>Ssp-InteractionID</c>.</summary>
    [Required]
    public string SspInteractionId { get; set; } = DefaultSspInteractionId;

    /// <summary>ODS code sent as <c>NHSD-End-User-Organisation-ODS</c> when the caller's organisation is not known.</summary>
    [Required]
    [RegularExpression("^[A-Z0-9]{3,10}$")]
    public string EndUserOrganisationOds { get; set; } = "Y12345";
}
