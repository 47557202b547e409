using NcrsGateway.Core.Redaction;

namespace NcrsGateway.Core.Tests.Redaction;

public sealed class RedactorTests
{
    [Theory]
    [InlineData("/fhir/Patient/9000000009", "/fhir/Patient/[redacted]")]
    [InlineData("identifier=https://fhir.nhs.uk/Id/nhs-number|943 476 5919", "identifier=https://fhir.nhs.uk/Id/nhs-number|[redacted]")]
    [InlineData("?identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C9000000009", "?identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C[redacted]")]
    public void Redact_TextWithNhsNumber_RemovesIt(string input, string expected)
    {
        Assert.Equal(expected, Redactor.Redact(input));
    }

    /// <summary>Every form a URL can carry an NHS number in that the gateway decodes to one it accepts.</summary>
    [Theory]
    [InlineData("/fhir/Patient/943+476+5919")]
    [InlineData("/fhir/Patient/943%20476%205919")]
    [InlineData("/fhir/Patient/%39434765919")]
    [InlineData("/fhir/Patient/%39%34%33%34%37%36%35%39%31%39")]
    [InlineData("/fhir/Patient/943%2B476%2B5919")]
    [InlineData("/fhir/Patient/943-476-5919")]
    [InlineData("nhs-number%7C943%20476%20591%39")]
    public void Redact_NhsNumberInAnyAcceptedEncoding_RemovesIt(string input)
    {
        var redacted = Redactor.Redact(input);

        Assert.Contains(Redactor.Mask, redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("476", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("5919", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/fhir/metadata")]
    [InlineData("took 123456789 ticks")]
    [InlineData("trace 12345678901234")]
    [InlineData("%3123456789012")]
    public void Redact_TextWithoutTenDigitRun_IsUnchanged(string input)
    {
        Assert.Equal(input, Redactor.Redact(input));
    }

    [Theory]
    [InlineData("?family=Ashworth&given=Jane&address-postalcode=LS1%204AP&birthdate=eq1968-04-17", "?family=[redacted]&given=[redacted]&address-postalcode=[redacted]&birthdate=[redacted]")]
    [InlineData("?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9434765919", "?identifier=[redacted]")]
    [InlineData("family=Smith+Jones&_count=5", "?family=[redacted]&_count=[redacted]")]
    [InlineData("?9434765919=x&Ashworth%20Jane=1&_summary", "?[redacted]=[redacted]&[redacted]=[redacted]&_summary")]
    [InlineData("", "")]
    [InlineData("?", "")]
    public void RedactQuery_KeepsOnlyParameterNames(string query, string expected)
    {
        Assert.Equal(expected, Redactor.RedactQuery(query));
    }
}
