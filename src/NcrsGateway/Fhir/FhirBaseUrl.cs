using Microsoft.Extensions.Options;

namespace NcrsGateway.Fhir;

/// <summary>The gateway's own FHIR base URL, used for every link it writes (never an upstream host).</summary>
internal sealed class FhirBaseUrl(IOptions<GatewayOptions> options)
{
    public string For(HttpRequest request)
    {
        if (options.Value.PublicBaseUrl is { } configured)
        {
            return configured.ToString().TrimEnd('/');
        }

        return $"{request.Scheme}://{request.Host}{request.PathBase}/fhir";
    }
}
