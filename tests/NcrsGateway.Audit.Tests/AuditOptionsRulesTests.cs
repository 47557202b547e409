namespace NcrsGateway.Audit.Tests;

public sealed class AuditOptionsRulesTests
{
    private static readonly string KeyA = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    [Theory]
    [InlineData(false, null, null, false)]
    [InlineData(true, null, null, true)]
    [InlineData(false, "A", "B", true)]
    [InlineData(false, "A", "A", false)]
    [InlineData(false, "A", null, false)]
    [InlineData(false, "short", "B", false)]
    [InlineData(false, "zeros", "B", false)]
    [InlineData(false, "A", "counting", false)]
    public void Validate_Keys_RequiredOutsideDevelopmentAndWellFormed(bool allowGenerated, string? encryption, string? hash, bool valid)
    {
        var options = new AuditOptions { EncryptionKey = Key(encryption), HashKey = Key(hash) };

        var result = new AuditOptionsRules(new AuditKeyPolicy(allowGenerated)).Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void Validate_AllZeroEncryptionKey_FailsNamingTheKeyAndHowToMakeOne()
    {
        var options = new AuditOptions { EncryptionKey = Key("zeros"), HashKey = KeyB };

        var result = new AuditOptionsRules(new AuditKeyPolicy(false)).Validate(null, options);

        Assert.Contains("EncryptionKey", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", result.FailureMessage, StringComparison.Ordinal);
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
        "zeros" => Convert.ToBase64String(new byte[32]),
        "counting" => Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()),
        _ => null,
    };
}
