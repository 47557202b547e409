using NcrsGateway.Core;

namespace NcrsGateway.Core.Tests;

public sealed class NhsNumberTests
{
    [Theory]
    [InlineData("9000000009")]
    [InlineData("9434765919")]
    [InlineData("943 476 5919")]
    [InlineData("4010232137")]
    public void TryParse_ValidNumber_IsAccepted(string candidate)
    {
        Assert.True(NhsNumber.TryParse(candidate, out var nhs));
        Assert.Equal(candidate.Replace(" ", "", StringComparison.Ordinal), nhs.Value);
    }

    [Theory]
    [InlineData("9000000000", "wrong check digit")]
    [InlineData("9434765918", "wrong check digit")]
    [InlineData("1000000010", "check digit would be 10")]
    [InlineData("0000000000", "repeated digit placeholder")]
    [InlineData("5555555555", "repeated digit placeholder")]
    [InlineData("900000000", "nine digits")]
    [InlineData("90000000091", "eleven digits")]
    [InlineData("90000000O9", "letter O")]
    [InlineData("9000 000009", "space in the wrong place")]
    [InlineData("", "empty")]
    [InlineData(null, "null")]
    public void TryParse_InvalidNumber_IsRefused(string? candidate, string because)
    {
        Assert.False(NhsNumber.TryParse(candidate, out _), because);
    }

    [Fact]
    public void CheckDigit_EveryNineDigitPrefix_AcceptsExactlyTheModulus11Digit()
    {
        // For a prefix, exactly one final digit is valid unless the check works out as 10 (then none is).
        foreach (var prefix in new[] { "900000000", "943476591", "401023213", "123456789" })
        {
            var accepted = Enumerable.Range(0, 10).Count(d => NhsNumber.TryParse(prefix + d, out _));
            Assert.InRange(accepted, 0, 1);
        }

        Assert.Equal(1, Enumerable.Range(0, 10).Count(d => NhsNumber.TryParse("943476591" + d, out _)));
    }

    [Fact]
    public void Default_HasNoValue_AndSaysSo()
    {
        Assert.Throws<InvalidOperationException>(() => default(NhsNumber).Value);
    }
}
