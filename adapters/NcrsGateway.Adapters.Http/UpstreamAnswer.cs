using System.Net;
using System.Net.Http.Headers;
using Hl7.Fhir.Model;

namespace NcrsGateway.Adapters.Http;

/// <summary>An upstream's successful answer (200, or a status the call declared a result), its body already read.</summary>
/// <param name="Status">The upstream's HTTP status.</param>
/// <param name="Body">The body as FHIR (read leniently), or null when it was not FHIR JSON.</param>
/// <param name="Headers">The response headers (e.g. the PDS <c>ETag</c>).</param>
/// <param name="RequestId">The <c>X-Request-ID</c> the request carried (on every attempt).</param>
/// <param name="Elapsed">From the first attempt to the answer, on the injected clock.</param>
public sealed record UpstreamAnswer(HttpStatusCode Status, Resource? Body, HttpResponseHeaders Headers, string RequestId, TimeSpan Elapsed);
