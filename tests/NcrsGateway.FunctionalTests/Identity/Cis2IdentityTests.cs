using System.Net;
using NcrsGateway.Core.Audit;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Identity;

/// <summary>
/// Issue 10 item 9: with <c>Authentication:Cis2</c> on, the caller's user, ODS and roles come from the smartcard role
/// they selected (<c>selected_roleid</c> → <c>nhsid_nrbac_roles</c>, from the token or CIS2's UserInfo) through the
/// configured role map; anything that cannot be mapped is refused with a next step, never a 500.
/// </summary>
public sealed class Cis2IdentityTests(Cis2Host fixture) : IClassFixture<Cis2Host>
{
    [Fact]
    public async Task TokenWithRoles_SelectedRoleBecomesUserOdsAndRoles_WithoutAskingUserInfo()
    {
        var uid = NewUid();
        var token = Cis2Tokens.Mint(uid, "role-1", [Cis2Tokens.Role("role-1", "RBA", "S8000:G8000:R8000")]);

        using var read = await ReadAsync(token);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(0, fixture.UserInfoCalls(token));
        var row = Assert.Single(fixture.Audit.Records, r => r.UserId == uid);
        Assert.Equal(("RBA", "clinician", AuditOutcome.Success), (row.OrganisationOds, row.UserRole, row.Outcome));
    }

    [Fact]
    public async Task TokenWithoutRoles_UserInfoIsAskedOnceForRepeatedRequestsWithTheSameToken()
    {
        var uid = NewUid();
        var token = Cis2Tokens.Mint(uid, "role-7");
        fixture.AnswerUserInfo(token, Cis2Tokens.UserInfo(uid, Cis2Tokens.Role("role-7", "Y0401", "S8000:G8001:R8008")));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var read = await ReadAsync(token);
            statuses.Add(read.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(1, fixture.UserInfoCalls(token));
        var rows = fixture.Audit.Records.Where(r => r.UserId == uid).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(("Y0401", "reader"), (r.OrganisationOds, r.UserRole)));
    }

    [Fact]
    public async Task SelectedRoleInAnotherOrganisation_CallerActsForThatOrganisation()
    {
        var uid = NewUid();
        var token = Cis2Tokens.Mint(uid, "role-b", [
            Cis2Tokens.Role("role-a", "RBA", "S8000:G8000:R8000"),
            Cis2Tokens.Role("role-b", "X26", "S8000:G8000:R8000"),
        ]);

        using var read = await ReadAsync(token);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("X26", Assert.Single(fixture.Audit.Records, r => r.UserId == uid).OrganisationOds);
    }

    [Fact]
    public async Task ActivityCodeInRoleMap_GrantsClinician()
    {
        var uid = NewUid();
        var token = Cis2Tokens.Mint(uid, "role-1", [Cis2Tokens.Role("role-1", "RBA", "S0080:G0450:R5080", "B0264", "B0428")]);

        using var read = await ReadAsync(token);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("clinician", Assert.Single(fixture.Audit.Records, r => r.UserId == uid).UserRole);
    }

    [Fact]
    public async Task UnmappedSelectedRole_IsRefused403WithSmartcardNextStep()
    {
        var uid = NewUid();
        var token = Cis2Tokens.Mint(uid, "role-1", [
            Cis2Tokens.Role("role-1", "RBA", "S0080:G0450:R5080", "B9999"),
            Cis2Tokens.Role("role-2", "RBA", "S8000:G8000:R8000"),
        ]);

        using var read = await ReadAsync(token);

        var text = await FhirAssert.OutcomeAsync(read, HttpStatusCode.Forbidden, "role-not-permitted");
        Assert.Contains("select a role on your smartcard", text, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Audit.Records, r => r.UserId == uid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("role-not-mine")]
    public async Task NoSelectedRoleOrOneNotAmongTheUsersRoles_IsRefused403WithSmartcardNextStep(string? selected)
    {
        var token = Cis2Tokens.Mint(NewUid(), selected, [Cis2Tokens.Role("role-1", "RBA", "S8000:G8000:R8000")]);

        using var read = await ReadAsync(token);

        var text = await FhirAssert.OutcomeAsync(read, HttpStatusCode.Forbidden, "role-not-selected");
        Assert.Contains("select a role on your smartcard", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(200)] // an answer that is not JSON
    public async Task UserInfoFailing_IsRefused503OperationOutcome_NotA500_AndLogsNoPersonalData(int status)
    {
        var uid = NewUid();
        var token = Cis2Tokens.Mint(uid, "role-1");
        fixture.AnswerUserInfo(token, status == 200 ? "<html>maintenance</html>" : """{"error":"server_error"}""", status);

        using var read = await ReadAsync(token);

        await FhirAssert.OutcomeAsync(read, HttpStatusCode.ServiceUnavailable, "identity-unavailable");
        Assert.Contains(fixture.Host.Logs.Lines, m => m.Contains("CIS2 UserInfo could not be read", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Host.Logs.Lines, m => m.Contains(uid, StringComparison.Ordinal) || m.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UserInfoRefusingTheToken_IsRefused401()
    {
        var token = Cis2Tokens.Mint(NewUid(), "role-1");
        fixture.AnswerUserInfo(token, """{"error":"invalid_token"}""", 401);

        using var read = await ReadAsync(token);

        await FhirAssert.OutcomeAsync(read, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task UserInfoAnswerWithoutTheSelectedRole_IsRefused403_AndIsNotAskedAgainForTheSameToken()
    {
        var token = Cis2Tokens.Mint(NewUid(), "role-1");
        fixture.AnswerUserInfo(token, Cis2Tokens.UserInfo("someone", Cis2Tokens.Role("role-9", "RBA", "S8000:G8000:R8000")));

        using var first = await ReadAsync(token);
        using var second = await ReadAsync(token);

        await FhirAssert.OutcomeAsync(first, HttpStatusCode.Forbidden, "role-not-selected");
        await FhirAssert.OutcomeAsync(second, HttpStatusCode.Forbidden, "role-not-selected");
        Assert.Equal(1, fixture.UserInfoCalls(token));
    }

    [Fact]
    public async Task RoleAndOdsClaimsInTheTokenItself_AreIgnoredForTheMappedOnes()
    {
        var uid = NewUid();
        var token = Cis2Tokens.Mint(uid, "role-1", [Cis2Tokens.Role("role-1", "RBA", "S8000:G8001:R8008")], new() { ["role"] = "auditor", ["ods"] = "Y99999" });
        using var client = fixture.Host.CreateClient(token);

        using var audit = await client.GetAsync("fhir/AuditEvent?agent=" + uid);
        using var read = await ReadAsync(token);

        await FhirAssert.OutcomeAsync(audit, HttpStatusCode.Forbidden, "access-denied"); // the selected role maps to reader, not auditor
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.All(fixture.Audit.Records.Where(r => r.UserId == uid), r => Assert.Equal(("RBA", "reader"), (r.OrganisationOds, r.UserRole)));
    }

    private async Task<HttpResponseMessage> ReadAsync(string token)
    {
        using var client = fixture.Host.CreateClient(token);
        return await client.GetAsync($"fhir/Patient/{SandboxPatients.Minimal}");
    }

    private static string NewUid() => "5555" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
