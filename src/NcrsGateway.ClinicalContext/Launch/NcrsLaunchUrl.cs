using Microsoft.Extensions.Options;
using NcrsGateway.Core;
using NcrsGateway.Fhir;

namespace NcrsGateway.ClinicalContext.Launch;

/// <summary>Fills the configured NCRS template with one NHS number; a '/path' template is resolved against the gateway's origin.</summary>
internal sealed class NcrsLaunchUrl(IOptions<NcrsOptions> options, FhirBaseUrl baseUrl)
{
    public Uri For(NhsNumber nhsNumber, HttpRequest request)
    {
        var url = options.Value.LaunchUrlTemplate!.Replace(NcrsOptions.NhsNumberPlaceholder, Uri.EscapeDataString(nhsNumber.Value), StringComparison.Ordinal);
        if (!url.StartsWith('/'))
        {
            return new Uri(url, UriKind.Absolute);
        }

        var fhirBase = new Uri(baseUrl.For(request));
        return new Uri(fhirBase, url);
    }
}
