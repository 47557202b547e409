namespace NcrsGateway.Tests.Common;

/// <summary>A caller for <see cref="TestTokens"/>: user id (<c>sub</c>), role and organisation ODS code.</summary>
public sealed record TestUser(string UserId, string Role, string OrganisationOds);
