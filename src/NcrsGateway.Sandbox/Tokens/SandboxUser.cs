namespace NcrsGateway.Sandbox.Tokens;

/// <summary>A demo user the sandbox token issuer can sign in. Never a real person, never a real ODS code.</summary>
public sealed record SandboxUser(string Name, string UserId, string Role, string OrganisationOds, string DisplayName);
