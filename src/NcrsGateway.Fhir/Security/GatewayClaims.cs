namespace NcrsGateway.Fhir.Security;

/// <summary>Claim types the gateway reads from a caller's access token.</summary>
public static class GatewayClaims
{
    public const string UserId = "sub";
    public const string Role = "role";
    public const string OrganisationOds = "ods";
    public const string Workstation = "workstation";
    public const string ClientApp = "client_id";
}
