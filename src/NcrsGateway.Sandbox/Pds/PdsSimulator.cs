namespace NcrsGateway.Sandbox;

internal static class PdsSimulator
{
    public const string BasePath = "/personal-demographics/FHIR/R4/";

    public static void Register(WireMock.Server.WireMockServer server) => _ = server;
}
