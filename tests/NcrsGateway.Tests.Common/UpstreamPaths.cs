namespace NcrsGateway.Tests.Common;

/// <summary>Base paths of the simulated national APIs, for tests that stand up their own WireMock upstream.</summary>
public static class UpstreamPaths
{
    public const string Pds = "/personal-demographics/FHIR/R4/";

    public const string Nrl = "/record-locator/consumer/FHIR/R4/";
}
