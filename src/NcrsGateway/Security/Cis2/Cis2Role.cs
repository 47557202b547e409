namespace NcrsGateway.Security.Cis2;

/// <summary>One entry of CIS2's <c>nhsid_nrbac_roles</c>: the parts the gateway uses (personal data: memory only).</summary>
internal sealed record Cis2Role(string PersonRoleId, string? OrgCode, string? RoleCode, IReadOnlyList<string> ActivityCodes);
