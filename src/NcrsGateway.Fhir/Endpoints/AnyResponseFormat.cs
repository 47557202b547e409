namespace NcrsGateway.Fhir;

/// <summary>Endpoint metadata: the answer is in its own format (Binary streams a PDF, …), so any Accept is served; its errors are still FHIR JSON.</summary>
public sealed class AnyResponseFormat
{
    public static readonly AnyResponseFormat Instance = new();

    private AnyResponseFormat()
    {
    }
}
