using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Ports;
using NcrsGateway.Demographics;

namespace NcrsGateway.Demographics.Tests;

public sealed class PatientSearchRequestTests
{
    private const string Valid = "9000000009";

    [Theory]
    [InlineData("?identifier=https://fhir.nhs.uk/Id/nhs-number|" + Valid)]
    [InlineData("?identifier=https://fhir.nhs.uk/Id/nhs-number|" + Valid + "&_format=json")]
    [InlineData("?identifier=https://fhir.nhs.uk/Id/nhs-number|" + Valid + "&_revinclude=DocumentReference:subject")]
    public void ParseIdentifier_NhsNumberWithSystem_IsAccepted(string queryString)
    {
        Assert.Equal(Valid, PatientSearchRequest.ParseIdentifier(Query.Of(queryString))?.Value);
    }

    [Fact]
    public void ParseIdentifier_NoIdentifier_IsADemographicSearch()
    {
        Assert.Null(PatientSearchRequest.ParseIdentifier(Query.Of("?family=Smith&birthdate=2010-10-22")));
    }

    [Theory]
    [InlineData("?identifier=" + Valid)]
    [InlineData("?identifier=https://example.org/mrn|" + Valid)]
    [InlineData("?identifier=https://fhir.nhs.uk/Id/nhs-number|" + Valid + "&family=Smith")]
    [InlineData("?identifier=https://fhir.nhs.uk/Id/nhs-number|" + Valid + "&identifier=https://fhir.nhs.uk/Id/nhs-number|" + Valid)]
    [InlineData("?identifier=https://fhir.nhs.uk/Id/nhs-number|" + Valid + "&_revinclude=Observation:subject")]
    public void ParseIdentifier_WithoutSystemOrWithOtherCriteria_IsInvalidSearch(string queryString)
    {
        Assert.Equal(GatewayErrors.InvalidSearch, Assert.Throws<GatewayException>(() => PatientSearchRequest.ParseIdentifier(Query.Of(queryString))).Error);
    }

    [Fact]
    public void ParseIdentifier_FailingTheCheckDigit_IsInvalidNhsNumber()
    {
        var e = Assert.Throws<GatewayException>(() => PatientSearchRequest.ParseIdentifier(Query.Of("?identifier=https://fhir.nhs.uk/Id/nhs-number|9000000008")));

        Assert.Equal(GatewayErrors.InvalidNhsNumber, e.Error);
    }

    [Theory]
    [InlineData("?identifier=https://fhir.nhs.uk/Id/nhs-number|" + Valid, false)]
    [InlineData("?identifier=https://fhir.nhs.uk/Id/nhs-number|" + Valid + "&_revinclude=DocumentReference:subject", true)]
    public void IncludesDocumentReferences_RevInclude_IsReported(string queryString, bool expected)
    {
        Assert.Equal(expected, PatientSearchRequest.IncludesDocumentReferences(Query.Of(queryString)));
    }

    [Fact]
    public void ParseDemographics_FullSearch_ReadsEveryCriterion()
    {
        var query = PatientSearchRequest.ParseDemographics(Query.Of(
            "?family=%20Smith%20&given=Jane&given=%20Ann&birthdate=ge2010-01-01&birthdate=le2010-12-31&gender=female&address-postalcode=LS1%206AE&_exact-match=true&_max-results=5"));

        Assert.Equal("Smith", query.Family);
        Assert.Equal(["Jane", "Ann"], query.Given);
        Assert.Equal([new DateSearch("ge", new DateOnly(2010, 1, 1)), new DateSearch("le", new DateOnly(2010, 12, 31))], query.BirthDate);
        Assert.Equal("female", query.Gender);
        Assert.Equal("LS1 6AE", query.PostalCode);
        Assert.False(query.FuzzyMatch);
        Assert.True(query.ExactMatch);
        Assert.Equal(5, query.MaxResults);
    }

    [Fact]
    public void ParseDemographics_BirthdateWithoutPrefix_IsEq()
    {
        var query = PatientSearchRequest.ParseDemographics(Query.Of("?family=Smith&birthdate=2010-10-22"));

        Assert.Equal([new DateSearch("eq", new DateOnly(2010, 10, 22))], query.BirthDate);
        Assert.Equal(PatientSearchQuery.DefaultMaxResults, query.MaxResults);
    }

    [Fact]
    public void ParseDemographics_FuzzyMatch_NeedsNoFamilyOrBirthdate()
    {
        var query = PatientSearchRequest.ParseDemographics(Query.Of("?_fuzzy-match=true&given=Jane"));

        Assert.True(query.FuzzyMatch);
        Assert.Null(query.Family);
    }

    [Theory]
    [InlineData("?family=Smith")]
    [InlineData("?birthdate=2010-10-22")]
    [InlineData("?family=Smith&birthdate=2010-10-22&name=Jane")]
    [InlineData("?family=Smith&family=Jones&birthdate=2010-10-22")]
    [InlineData("?family=Smith&birthdate=22-10-2010")]
    [InlineData("?family=Smith&birthdate=gt2010-10-22")]
    [InlineData("?family=Smith&birthdate=2010-10")]
    [InlineData("?family=Smith&birthdate=ge2010-01-01&birthdate=le2010-12-31&birthdate=2010-06-01")]
    [InlineData("?family=Smith&birthdate=2010-10-22&gender=F")]
    [InlineData("?family=Smith&birthdate=2010-10-22&_max-results=0")]
    [InlineData("?family=Smith&birthdate=2010-10-22&_max-results=51")]
    [InlineData("?family=Smith&birthdate=2010-10-22&_max-results=five")]
    [InlineData("?family=Smith&birthdate=2010-10-22&_fuzzy-match=yes")]
    public void ParseDemographics_MissingUnknownOrMalformedCriterion_IsInvalidSearch(string queryString)
    {
        Assert.Equal(GatewayErrors.InvalidSearch, Assert.Throws<GatewayException>(() => PatientSearchRequest.ParseDemographics(Query.Of(queryString))).Error);
    }
}
