namespace NcrsGateway.Core.Model;

/// <summary>
/// Where one element came from and how fresh it is.
/// </summary>
/// <param name="Source">The national service, for example <c>pds</c> or <c>nrl</c> (see <see cref="SourceServices"/>).</param>
/// <param name="RetrievedAt">When the gateway received it from that service.</param>
/// <param name="UpstreamVersion">The upstream version (PDS <c>meta.versionId</c> / ETag), when the service gives one.</param>
/// <param name="VerifiedAt">When the upstream last confirmed it (equal to retrieval time for a live read).</param>
/// <param name="ShowWithoutRefresh">Whether a clinician may be shown it without first refreshing from the source.</param>
public sealed record Provenance(
    string Source,
    DateTimeOffset RetrievedAt,
    string? UpstreamVersion,
    DateTimeOffset? VerifiedAt,
    bool ShowWithoutRefresh);
