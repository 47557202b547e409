using System.Reflection;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.Core.Tests.Errors;

public sealed class GatewayErrorsTests
{
    public static TheoryData<string> Unavailable() =>
        [.. Entries().Where(e => e.HttpStatus == 503).Select(e => e.Code)];

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void Every503_SaysWhenToRetry(string code)
    {
        var error = Entries().Single(e => e.Code == code);

        Assert.NotNull(error.RetryAfter);
        Assert.True(error.RetryAfter > TimeSpan.Zero);
    }

    [Fact]
    public void TheTaxonomy_Has503Entries() => Assert.True(Entries().Count(e => e.HttpStatus == 503) >= 5);

    [Fact]
    public void AuditUnavailable_GivesANextStepThatFitsAnyRoute() =>
        Assert.DoesNotContain("select", GatewayErrors.AuditUnavailable.Advice, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<GatewayError> Entries() =>
        typeof(GatewayErrors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(GatewayError))
            .Select(f => (GatewayError)f.GetValue(null)!);
}
