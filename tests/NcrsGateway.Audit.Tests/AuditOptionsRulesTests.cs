namespace NcrsGateway.Audit.Tests;

public sealed class AuditOptionsRulesTests
{
    private static readonly string KeyA = Convert.ToBase64String(new byte[32]);
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray());

    [Theory]
    [InlineData(false, null, null, false)]
    [InlineData(true, null, null, true)]
    [InlineData(false, "A", "B", true)]
    [InlineData(false, "A", "A", false)]
    [InlineData(false, "A", null, false)]
    [InlineData(false, "short", "B", false)]
    public void Validate_Keys_RequiredOutsideDevelopmentAndWellFormed(bool allowGenerated, string? encryption, string? hash, bool valid)
    {
        var options = new AuditOptions { EncryptionKey = Key(encryption), HashKey = Key(hash) };

        var result = new AuditOptionsRules(new AuditKeyPolicy(allowGenerated)).Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void Validate_PostgresWithoutConnectionString_Fails()
    {
        var options = new AuditOptions { Provider = AuditProvider.Postgres, EncryptionKey = KeyA, HashKey = KeyB };

        Assert.False(new AuditOptionsRules(new AuditKeyPolicy(false)).Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_MaxRetryDelayBelowRetryDelay_Fails()
    {
        var options = new AuditOptions { EncryptionKey = KeyA, HashKey = KeyB, RetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromSeconds(5) };

        var result = new AuditOptionsRules(new AuditKeyPolicy(false)).Validate(null, options);

        Assert.False(result.Succeeded);
        Assert.Contains("MaxRetryDelay", result.FailureMessage, StringComparison.Ordinal);
    }

    private static string? Key(string? name) => name switch
    {
        "A" => KeyA,
        "B" => KeyB,
        "short" => Convert.ToBase64String(new byte[16]),
        _ => null,
    };
}
