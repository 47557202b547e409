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

    [Theory]
    [InlineData("/fhir/metadata")]
    [InlineData("took 123456789 ticks")]
    [InlineData("trace 12345678901234")]
    public void Redact_TextWithoutTenDigitRun_IsUnchanged(string input)
    {
        Assert.Equal(input, Redactor.Redact(input));
    }
}
