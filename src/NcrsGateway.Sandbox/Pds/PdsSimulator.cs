// TEMPORARY compile stub on branch nrl: the real PdsSimulator is being written on another branch.
// DROP THIS FILE IN THE MERGE.
namespace NcrsGateway.Sandbox;

internal static partial class PdsSimulator
{
    public const string BasePath = "/personal-demographics/FHIR/R4/";

    public static void Register(WireMock.Server.WireMockServer server)
    {
    }
}
