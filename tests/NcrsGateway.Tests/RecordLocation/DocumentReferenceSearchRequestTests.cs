using NcrsGateway.Core.Errors;
using NcrsGateway.RecordLocation;

namespace NcrsGateway.Tests.RecordLocation;

public sealed class DocumentReferenceSearchRequestTests
{
    private const string Valid = "9000000009";
    private const string Patient = "patient:identifier=https://fhir.nhs.uk/Id/nhs-number|" + Valid;

    [Theory]
    [InlineData("?" + Patient)]
    [InlineData("?subject:identifier=https://fhir.nhs.uk/Id/nhs-number|" + Valid)]
    public void Parse_PatientOrSubject_IsThePatientSearched(string queryString)
    {
        var search = DocumentReferenceSearchRequest.Parse(Query.Of(queryString));

        Assert.Equal(Valid, search.Query.NhsNumber.Value);
        Assert.Empty(search.Query.TypeCodes);
        Assert.Empty(search.Query.CategoryCodes);
        Assert.Equal(DocumentReferenceSearchRequest.DefaultCount, search.Count);
        Assert.Equal(1, search.Page);
    }

    [Fact]
    public void Parse_TypesAndCategories_AreSnomedCodesWithOrWithoutSystem()
    {
        var search = DocumentReferenceSearchRequest.Parse(Query.Of(
            "?" + Patient + "&type=http://snomed.info/sct|736253002,%20861421000000109&category=http://snomed.info/sct|734163000"));

        Assert.Equal(["736253002", "861421000000109"], search.Query.TypeCodes);
        Assert.Equal(["734163000"], search.Query.CategoryCodes);
    }

    [Theory]
    [InlineData("&_count=0", 0, 1)]
    [InlineData("&_count=100&_page=3", 100, 3)]
    public void Parse_CountAndPage_AreRead(string paging, int count, int page)
    {
        var search = DocumentReferenceSearchRequest.Parse(Query.Of("?" + Patient + paging));

        Assert.Equal(count, search.Count);
        Assert.Equal(page, search.Page);
    }

    [Theory]
    [InlineData("?type=736253002")]
    [InlineData("?" + Patient + "&subject:identifier=https://fhir.nhs.uk/Id/nhs-number|" + Valid)]
    [InlineData("?patient:identifier=" + Valid)]
    [InlineData("?patient:identifier=https://example.org/mrn|" + Valid)]
    [InlineData("?" + Patient + "&status=current")]
    [InlineData("?" + Patient + "&type=http://loinc.org|736253002")]
    [InlineData("?" + Patient + "&type=12345")]
    [InlineData("?" + Patient + "&type=73625300a")]
    [InlineData("?" + Patient + "&type=736253002&type=861421000000109")]
    [InlineData("?" + Patient + "&_count=101")]
    [InlineData("?" + Patient + "&_count=-1")]
    [InlineData("?" + Patient + "&_page=0")]
    [InlineData("?" + Patient + "&_page=1&_page=2")]
    public void Parse_MissingPatientUnknownParameterOrBadCode_IsInvalidSearch(string queryString)
    {
        Assert.Equal(GatewayErrors.InvalidSearch, Assert.Throws<GatewayException>(() => DocumentReferenceSearchRequest.Parse(Query.Of(queryString))).Error);
    }

    [Fact]
    public void Parse_PatientFailingTheCheckDigit_IsInvalidNhsNumber()
    {
        var e = Assert.Throws<GatewayException>(() => DocumentReferenceSearchRequest.Parse(Query.Of("?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|9000000008")));

        Assert.Equal(GatewayErrors.InvalidNhsNumber, e.Error);
    }
}
