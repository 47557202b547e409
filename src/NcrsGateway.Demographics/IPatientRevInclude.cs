using Hl7.Fhir.Model;
using NcrsGateway.Core;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Demographics;

/// <summary>
/// Another feature's answer to <c>GET /fhir/Patient?identifier=…&amp;_revinclude=…</c>: the patient plus the resources that
/// point at them. Record location registers one (its pointers); without it <c>_revinclude</c> is refused.
/// </summary>
public interface IPatientRevInclude
{
    Task<Bundle> SearchAsync(NhsNumber nhsNumber, RequestContext context, string baseUrl, string selfQuery, CancellationToken cancellationToken);
}
