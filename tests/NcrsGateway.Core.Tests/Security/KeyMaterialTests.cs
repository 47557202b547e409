using System.Security.Cryptography;
using System.Text;
using NcrsGateway.Core.Security;

namespace NcrsGateway.Core.Tests.Security;

public sealed class KeyMaterialTests
{
    public static readonly TheoryData<string, byte[]> HandMadeKeys = new()
    {
        { "32 zero bytes", new byte[32] },
        { "one byte repeated", Enumerable.Repeat((byte)0x41, 64).ToArray() },
        { "a four-byte pattern", Enumerable.Range(0, 32).Select(i => (byte)"abcd"[i % 4]).ToArray() },
        { "a nine-value pattern", Enumerable.Range(0, 48).Select(i => (byte)(i % 9)).ToArray() },
        { "a counting sequence", Enumerable.Range(0, 32).Select(i => (byte)i).ToArray() },
        { "a counting sequence by 3", Enumerable.Range(0, 40).Select(i => (byte)(i * 3)).ToArray() },
        { "thirty-two letters in order", Enumerable.Range('A', 32).Select(i => (byte)i).ToArray() },
    };

    [Theory]
    [MemberData(nameof(HandMadeKeys))]
    public void Weakness_HandMadeKey_IsRefusedWithHowToGenerateOne(string description, byte[] key)
    {
        var weakness = KeyMaterial.Weakness(key);

        Assert.True(weakness is not null, $"{description} was accepted");
        Assert.Contains("openssl rand -base64 32", weakness, StringComparison.Ordinal);
    }

    [Fact]
    public void Weakness_ShortKey_IsRefused()
    {
        Assert.Contains("at least 32 bytes", KeyMaterial.Weakness(RandomNumberGenerator.GetBytes(31)), StringComparison.Ordinal);
    }

    [Fact]
    public void Weakness_RandomKeys_AreAccepted()
    {
        for (var i = 0; i < 10_000; i++)
        {
            Assert.Null(KeyMaterial.Weakness(RandomNumberGenerator.GetBytes(32)));
        }
    }

    [Theory]
    [InlineData("tests-only-signing-key-32-bytes!")]
    [InlineData("functional-test-key-hash-secret-0123456789")]
    public void Weakness_LongPassphrase_IsAccepted(string secret)
    {
        Assert.Null(KeyMaterial.Weakness(Encoding.UTF8.GetBytes(secret)));
    }

    [Fact]
    public void SameKey_ComparesBytesAndNeverMatchesAnEmptyKey()
    {
        var key = RandomNumberGenerator.GetBytes(32);

        Assert.True(KeyMaterial.SameKey(key, key.ToArray()));
        Assert.False(KeyMaterial.SameKey(key, RandomNumberGenerator.GetBytes(32)));
        Assert.False(KeyMaterial.SameKey([], []));
    }
}
