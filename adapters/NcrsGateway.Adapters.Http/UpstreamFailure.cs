using System.Net;
using Hl7.Fhir.Model;

namespace NcrsGateway.Adapters.Http;

/// <summary>An upstream's error answer, read once by the shared send path and handed to the adapter's own error map.</summary>
/// <param name="Status">The upstream's HTTP status.</param>
/// <param name="Body">The body as FHIR (read leniently), or null when it was not FHIR JSON.</param>
/// <param name="SpineCode">The first Spine error code in an OperationOutcome body (e.g. <c>INVALIDATED_RESOURCE</c>), if any.</param>
/// <param name="RetryAfter">The upstream's <c>Retry-After</c> as a wait, if it sent one.</param>
public sealed record UpstreamFailure(HttpStatusCode Status, Resource? Body, string? SpineCode, TimeSpan? RetryAfter);
