using Hl7.Fhir.Model;
using NcrsGateway.ClinicalContext.Fhir;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.ClinicalContext.Tests.Fhir;

public sealed class ParametersReaderTests
{
    private const string Valid = "9000000009";

    [Fact]
    public void New_UnknownParameter_IsRefusedNotIgnored()
    {
        var e = Assert.Throws<GatewayException>(() => new ParametersReader(Of(("nhsNumber", new FhirString(Valid)), ("extra", new FhirString("x"))), "nhsNumber"));

        Assert.Equal(GatewayErrors.InvalidRequest, e.Error);
        Assert.Contains("'extra'", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void New_RepeatedParameter_IsRefused()
    {
        var e = Assert.Throws<GatewayException>(() => new ParametersReader(Of(("nhsNumber", new FhirString(Valid)), ("nhsNumber", new FhirString(Valid))), "nhsNumber"));

        Assert.Equal(GatewayErrors.InvalidRequest, e.Error);
    }

    [Fact]
    public void Indexer_AbsentParameter_IsNull()
    {
        var reader = new ParametersReader(new Parameters(), "a", "b");

        Assert.Null(reader["a"]);
        Assert.Null(reader.String("a", 10));
        Assert.Null(reader.Boolean("b"));
        Assert.Null(reader.NhsNumber("a"));
    }

    [Theory]
    [MemberData(nameof(StringValues))]
    public void String_StringLikeValue_IsRead(DataType value, string expected)
    {
        Assert.Equal(expected, new ParametersReader(Of(("p", value)), "p").String("p", 20));
    }

    public static TheoryData<DataType, string> StringValues() => new()
    {
        { new FhirString("text"), "text" },
        { new Code("code"), "code" },
        { new Id("an-id"), "an-id" },
        { new Identifier("https://example.org/id", "ident"), "ident" },
    };

    [Fact]
    public void String_LongerThanTheLimit_IsRefused()
    {
        var reader = new ParametersReader(Of(("p", new FhirString(new string('x', 11)))), "p");

        Assert.Equal(GatewayErrors.InvalidRequest, Assert.Throws<GatewayException>(() => reader.String("p", 10)).Error);
    }

    [Fact]
    public void String_NotAString_IsRefused()
    {
        var reader = new ParametersReader(Of(("p", new FhirBoolean(true))), "p");

        Assert.Equal(GatewayErrors.InvalidRequest, Assert.Throws<GatewayException>(() => reader.String("p", 10)).Error);
    }

    [Fact]
    public void String_ParameterWithoutValue_IsRefused()
    {
        var parameters = new Parameters();
        parameters.Parameter.Add(new Parameters.ParameterComponent { Name = "p" });
        var reader = new ParametersReader(parameters, "p");

        Assert.Equal(GatewayErrors.InvalidRequest, Assert.Throws<GatewayException>(() => reader.String("p", 10)).Error);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Boolean_ValueBoolean_IsRead(bool value)
    {
        Assert.Equal(value, new ParametersReader(Of(("confirmed", new FhirBoolean(value))), "confirmed").Boolean("confirmed"));
    }

    [Fact]
    public void Boolean_StringTrue_IsRefused()
    {
        var reader = new ParametersReader(Of(("confirmed", new FhirString("true"))), "confirmed");

        Assert.Equal(GatewayErrors.InvalidRequest, Assert.Throws<GatewayException>(() => reader.Boolean("confirmed")).Error);
    }

    [Theory]
    [MemberData(nameof(NhsNumberValues))]
    public void NhsNumber_IdentifierWithOrWithoutSystemOrString_IsAccepted(DataType value)
    {
        Assert.Equal(Valid, new ParametersReader(Of(("nhsNumber", value)), "nhsNumber").NhsNumber("nhsNumber")?.Value);
    }

    public static TheoryData<DataType> NhsNumberValues() => new()
    {
        new Identifier(NhsNumber.System, Valid),
        new Identifier(null, Valid),
        new FhirString(Valid),
    };

    [Fact]
    public void NhsNumber_OtherIdentifierSystem_IsInvalidRequest()
    {
        var reader = new ParametersReader(Of(("nhsNumber", new Identifier("https://example.org/mrn", Valid))), "nhsNumber");

        Assert.Equal(GatewayErrors.InvalidRequest, Assert.Throws<GatewayException>(() => reader.NhsNumber("nhsNumber")).Error);
    }

    [Fact]
    public void NhsNumber_FailingTheCheckDigit_IsInvalidNhsNumber()
    {
        var reader = new ParametersReader(Of(("nhsNumber", new FhirString("9000000008"))), "nhsNumber");

        Assert.Equal(GatewayErrors.InvalidNhsNumber, Assert.Throws<GatewayException>(() => reader.NhsNumber("nhsNumber")).Error);
    }

    private static Parameters Of(params (string Name, DataType Value)[] parameters)
    {
        var result = new Parameters();
        foreach (var (name, value) in parameters)
        {
            result.Parameter.Add(new Parameters.ParameterComponent { Name = name, Value = value });
        }

        return result;
    }
}
