using NcrsGateway.Core.Errors;

namespace NcrsGateway.Immunisations.Tests;

public sealed class ImmunisationSearchRequestTests
{
    private const string Patient = "https://fhir.nhs.uk/Id/nhs-number|9000000009";

    [Theory]
    [InlineData("patient.identifier")]
    [InlineData("patient:identifier")]
    public void Parse_EitherPatientSpelling_GivesTheNhsNumber(string name)
    {
        var query = ImmunisationSearchRequest.Parse([new(name, Patient), new("-immunization.target", "FLU")]);

        Assert.Equal("9000000009", query.NhsNumber.Value);
        Assert.Equal(["FLU"], query.TargetDiseases);
        Assert.Null(query.DateFrom);
        Assert.Null(query.DateTo);
    }

    [Fact]
    public void Parse_SeveralTargetsAndDateBounds_AreKept()
    {
        var query = ImmunisationSearchRequest.Parse(
            [new("patient.identifier", Patient), new("-immunization.target", "COVID19, FLU,COVID19"), new("-date.from", "2021-01-01"), new("-date.to", "2021-12-31"), new("_format", "json")]);

        Assert.Equal(["COVID19", "FLU"], query.TargetDiseases);
        Assert.Equal(new DateOnly(2021, 1, 1), query.DateFrom);
        Assert.Equal(new DateOnly(2021, 12, 31), query.DateTo);
    }

    [Theory]
    [InlineData(null, "FLU", null, null, "whose vaccinations")]
    [InlineData(Patient, null, null, null, "which vaccine types")]
    [InlineData(Patient, "", null, null, "which vaccine types")]
    [InlineData(Patient, "flu", null, null, "not a vaccine type code")]
    [InlineData(Patient, "FLU,,MMR", null, null, "not a vaccine type code")]
    [InlineData(Patient, "FLU", "2021-13-01", null, "-date.from must be given once")]
    [InlineData(Patient, "FLU", null, "01/02/2021", "-date.to must be given once")]
    [InlineData(Patient, "FLU", "2022-01-02", "2022-01-01", "must not be after")]
    [InlineData("https://fhir.nhs.uk/Id/other|9000000009", "FLU", null, null, "must be https://fhir.nhs.uk/Id/nhs-number|")]
    [InlineData("9000000009", "FLU", null, null, "must be https://fhir.nhs.uk/Id/nhs-number|")]
    public void Parse_BadSearch_IsInvalidSearchWithTheNextStep(string? patient, string? target, string? from, string? to, string expected)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        Add(pairs, "patient.identifier", patient);
        Add(pairs, "-immunization.target", target);
        Add(pairs, "-date.from", from);
        Add(pairs, "-date.to", to);

        var e = Assert.Throws<GatewayException>(() => ImmunisationSearchRequest.Parse(pairs));

        Assert.Equal(GatewayErrors.InvalidSearch, e.Error);
        Assert.Contains(expected, e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidNhsNumber_IsInvalidNhsNumber()
    {
        var e = Assert.Throws<GatewayException>(() => ImmunisationSearchRequest.Parse(
            [new("patient.identifier", "https://fhir.nhs.uk/Id/nhs-number|9000000000"), new("-immunization.target", "FLU")]));

        Assert.Equal(GatewayErrors.InvalidNhsNumber, e.Error);
    }

    [Fact]
    public void Parse_BothPatientSpellings_IsRefused()
    {
        var e = Assert.Throws<GatewayException>(() => ImmunisationSearchRequest.Parse(
            [new("patient.identifier", Patient), new("patient:identifier", Patient), new("-immunization.target", "FLU")]));

        Assert.Contains("not both", e.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-immunization.target")]
    [InlineData("-date.from")]
    public void Parse_RepeatedParameter_IsRefused(string name)
    {
        var pairs = new List<KeyValuePair<string, string?>> { new("patient.identifier", Patient), new("-immunization.target", "FLU"), new("-date.from", "2021-01-01") };
        pairs.Add(new(name, name == "-date.from" ? "2021-02-01" : "MMR"));

        var e = Assert.Throws<GatewayException>(() => ImmunisationSearchRequest.Parse(pairs));

        Assert.Equal(GatewayErrors.InvalidSearch, e.Error);
    }

    [Fact]
    public void Parse_UnknownParameter_IsRefusedNotIgnored()
    {
        var e = Assert.Throws<GatewayException>(() => ImmunisationSearchRequest.Parse(
            [new("patient.identifier", Patient), new("-immunization.target", "FLU"), new("vaccine-code", "x")]));

        Assert.Equal(GatewayErrors.InvalidSearch, e.Error);
        Assert.Contains("'vaccine-code' is not supported", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownParameterShapedLikeAnNhsNumber_IsNotEchoed()
    {
        var e = Assert.Throws<GatewayException>(() => ImmunisationSearchRequest.Parse(
            [new("patient.identifier", Patient), new("-immunization.target", "FLU"), new("9434765919", "x")]));

        Assert.DoesNotContain("9434765919", e.Detail, StringComparison.Ordinal);
    }

    private static void Add(List<KeyValuePair<string, string?>> pairs, string name, string? value)
    {
        if (value is not null)
        {
            pairs.Add(new(name, value));
        }
    }
}
