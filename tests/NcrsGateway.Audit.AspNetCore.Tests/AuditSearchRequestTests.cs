using NcrsGateway.Core;
using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Audit.AspNetCore.Tests;

public sealed class AuditSearchRequestTests
{
    private const string Valid = "9000000009";
    private static readonly AuditScope OwnOrganisation = AuditScope.Organisation("A12345");

    [Fact]
    public void Parse_NoParameters_SearchesEverythingWithTheDefaultPageSize()
    {
        var query = Parse("");

        Assert.Equal(new AuditQuery(null, null, null, null, null, AuditSearchRequest.DefaultCount, null, null) { Scope = OwnOrganisation }, query);
    }

    [Theory]
    [InlineData("?patient=" + Valid)]
    [InlineData("?patient=https://fhir.nhs.uk/Id/nhs-number|" + Valid)]
    public void Parse_PatientWithOrWithoutSystem_IsAccepted(string queryString)
    {
        var query = Parse(queryString);

        Assert.Equal(Valid, query.Patient?.Value);
    }

    [Theory]
    [InlineData("?patient=9000000008")]
    [InlineData("?patient=https://fhir.nhs.uk/Id/nhs-number|123")]
    [InlineData("?patient=http://other.example/nhs|" + Valid)]
    public void Parse_PatientThatIsNotAValidNhsNumber_IsInvalidNhsNumber(string queryString)
    {
        var e = Assert.Throws<GatewayException>(() => Parse(queryString));

        Assert.Equal(GatewayErrors.InvalidNhsNumber, e.Error);
    }

    [Fact]
    public void Parse_Agent_SearchesThatUser()
    {
        Assert.Equal("user-1", Parse("?agent=user-1").UserId);
    }

    [Theory]
    [InlineData("?date=ge2026-03-01", "2026-03-01T00:00:00.0000000+00:00", null)]
    [InlineData("?date=gt2026-03-01", "2026-03-02T00:00:00.0000000+00:00", null)]
    [InlineData("?date=le2026-03-01", null, "2026-03-01T23:59:59.9999990+00:00")]
    [InlineData("?date=lt2026-03-01", null, "2026-02-28T23:59:59.9999990+00:00")]
    [InlineData("?date=ge2026-03-01T10:00:00%2B01:00&date=lt2026-03-02", "2026-03-01T09:00:00.0000000+00:00", "2026-03-01T23:59:59.9999990+00:00")]
    [InlineData("?date=gt2026-03-01T10:00:00Z", "2026-03-01T10:00:00.0000010+00:00", null)]
    [InlineData("?date=le2026-03-01T10:00:00Z", null, "2026-03-01T10:00:00.0000000+00:00")]
    [InlineData("?date=ge2026-03-01T10:00:00.5-05:00", "2026-03-01T15:00:00.5000000+00:00", null)]
    public void Parse_DatePrefixes_BecomeAnInclusiveUtcRange(string queryString, string? from, string? to)
    {
        var query = Parse(queryString);

        Assert.Equal(from, query.From?.ToString("O"));
        Assert.Equal(to, query.To?.ToString("O"));
    }

    [Theory]
    [InlineData("?date=2026-03-01")]
    [InlineData("?date=eq2026-03-01")]
    [InlineData("?date=ge")]
    [InlineData("?date=ge2026-03-01 10:00")]
    [InlineData("?date=ge12/01/2026")]
    [InlineData("?date=geDec 1 2026")]
    [InlineData("?date=ge2026-03-01T10:00:00")]
    [InlineData("?date=ge2026-03-01T10:00")]
    [InlineData("?date=ge2026-03-01T10:00Z")]
    [InlineData("?date=ge2026-3-1")]
    [InlineData("?date=ge 2026-03-01")]
    [InlineData("?date=ge2026-03-01T10:00:00%2B0100")]
    [InlineData("?date=ge01/12/2026T10:00:00Z")]
    [InlineData("?date=genot-a-date")]
    [InlineData("?date=ge2026-01-01&date=le2026-02-01&date=le2026-03-01")]
    [InlineData("?date=gt9999-12-31")]
    [InlineData("?date=lt0001-01-01")]
    public void Parse_DateWithoutPrefixLooseOrOutsideTheCalendar_IsInvalidSearch(string queryString)
    {
        var e = Assert.Throws<GatewayException>(() => Parse(queryString));

        Assert.Equal(GatewayErrors.InvalidSearch, e.Error);
    }

    [Theory]
    [InlineData("0", AuditOutcome.Success, null)]
    [InlineData("4", AuditOutcome.Failure, new[] { FailureCategory.UserError, FailureCategory.AccessRefused })]
    [InlineData("8", AuditOutcome.Failure, new[] { FailureCategory.TechnicalError, FailureCategory.UpstreamUnavailable })]
    [InlineData("12", AuditOutcome.Failure, new FailureCategory[0])]
    public void Parse_Outcome_SelectsTheOutcomeAndItsFailureCategories(string code, AuditOutcome outcome, FailureCategory[]? categories)
    {
        var query = Parse("?outcome=" + code);

        Assert.Equal(outcome, query.Outcome);
        Assert.Equal(categories, query.FailureCategories);
    }

    [Theory]
    [InlineData("?_count=1", 1)]
    [InlineData("?_count=100", 100)]
    [InlineData("?_cursor=abc&_count=5", 5)]
    public void Parse_CountWithinRange_IsThePageSize(string queryString, int count)
    {
        Assert.Equal(count, Parse(queryString).Count);
    }

    [Fact]
    public void Parse_Cursor_IsPassedOn()
    {
        Assert.Equal("next-page", Parse("?_cursor=next-page").Cursor);
    }

    [Theory]
    [InlineData("?_count=0")]
    [InlineData("?_count=101")]
    [InlineData("?_count=-1")]
    [InlineData("?_count=ten")]
    [InlineData("?outcome=1")]
    [InlineData("?agent=a&agent=b")]
    [InlineData("?agent=")]
    [InlineData("?patient=" + Valid + "&patient=" + Valid)]
    [InlineData("?subtype=patient-read")]
    [InlineData("?Patient=" + Valid)]
    public void Parse_UnknownRepeatedOrOutOfRangeParameter_IsInvalidSearch(string queryString)
    {
        var e = Assert.Throws<GatewayException>(() => Parse(queryString));

        Assert.Equal(GatewayErrors.InvalidSearch, e.Error);
    }

    [Fact]
    public void Parse_UnknownParameterHoldingAnNhsNumber_DoesNotEchoTheNumber()
    {
        var e = Assert.Throws<GatewayException>(() => Parse("?" + Valid + "=x"));

        Assert.DoesNotContain(Valid, e.Message + e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FormatParameter_IsAllowed()
    {
        Assert.Equal(AuditSearchRequest.DefaultCount, Parse("?_format=json").Count);
    }

    [Fact]
    public void Parse_Scope_IsTheOneTheCallerMayUse()
    {
        Assert.Equal("B99999", AuditSearchRequest.Parse(Query.Of("?agent=x"), AuditScope.Organisation("B99999")).Scope.OrganisationOds);
        Assert.Null(AuditSearchRequest.Parse(Query.Of("?agent=x"), AuditScope.National).Scope.OrganisationOds);
    }

    private static AuditQuery Parse(string queryString) => AuditSearchRequest.Parse(Query.Of(queryString), OwnOrganisation);
}
