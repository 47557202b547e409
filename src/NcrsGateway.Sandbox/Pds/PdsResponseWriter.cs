using System.Globalization;
using System.Text;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace NcrsGateway.Sandbox.Pds;

/// <summary>Turns a <see cref="PdsResult"/> into the HTTP response, with the headers PDS always sends.</summary>
internal static class PdsResponseWriter
{
    private const string FhirJson = "application/fhir+json";

    public static ResponseMessage Write(IRequestMessage request, PdsResult result)
    {
        var response = new ResponseMessage
        {
            StatusCode = result.StatusCode,
            BodyData = new BodyData
            {
                BodyAsString = result.Body.ToJsonString(),
                DetectedBodyType = BodyType.String,
                Encoding = Encoding.UTF8,
            },
        };
        response.AddHeader("Content-Type", FhirJson);
        foreach (var echoed in (string[])[PdsRequestHeaders.RequestId, PdsRequestHeaders.CorrelationId])
        {
            if (PdsRequestHeaders.Get(request, echoed) is { } value)
            {
                response.AddHeader(echoed, value);
            }
        }

        if (result.VersionId is { } versionId)
        {
            response.AddHeader("ETag", string.Create(CultureInfo.InvariantCulture, $"W/\"{versionId}\""));
        }

        return response;
    }
}
