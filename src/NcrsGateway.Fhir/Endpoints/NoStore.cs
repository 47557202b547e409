namespace NcrsGateway.Fhir;

/// <summary>Endpoint metadata for a route outside <c>/fhir</c> whose answers may still carry patient data (the sandbox's token and NCRS page): <c>Cache-Control: no-store</c>.</summary>
public sealed class NoStore
{
    public static readonly NoStore Instance = new();

    private NoStore()
    {
    }
}
