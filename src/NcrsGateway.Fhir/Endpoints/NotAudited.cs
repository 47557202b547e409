namespace NcrsGateway.Fhir;

/// <summary>Endpoint metadata: a FHIR endpoint that carries no patient data (<c>metadata</c>): no audit row, and its answer may be stored.</summary>
public sealed class NotAudited
{
    public static readonly NotAudited Instance = new();

    private NotAudited()
    {
    }
}
