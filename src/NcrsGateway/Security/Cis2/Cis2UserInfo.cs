namespace NcrsGateway.Security.Cis2;

/// <summary>What the gateway keeps from a CIS2 UserInfo answer (personal data: memory only, never logged).</summary>
internal sealed record Cis2UserInfo(IReadOnlyList<Cis2Role> Roles, string? SelectedRoleId, string? UserId);
