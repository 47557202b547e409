using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Hosting;

/// <summary>
/// The production host, run as a real process, refuses keys a person made by hand (all zeros, a repeated pattern), one
/// key used for two purposes, and an upstream reached over plain http off loopback: one <c>Configuration error:</c>
/// line each, naming the key, and no stack trace.
/// </summary>
public sealed class KeyAndUpstreamStartupTests
{
    private const string PdsPath = "personal-demographics/FHIR/R4/";

    [Fact]
    public async Task Process_ZeroOrReusedKeysAndPlainHttpUpstream_AreRefusedOneLineEachNamingTheKey()
    {
        var data = Directory.CreateTempSubdirectory("ncrs-keys-");
        var shared = Key();
        try
        {
            var (exitCode, _, stderr) = await GatewayProcess.RunToExitAsync(
            [
                $"--Adapters:Pds:BaseUrl=http://pds.example.org/{PdsPath}",
                "--Adapters:Pds:AccessToken=upstream-token-" + Guid.NewGuid().ToString("N"),
                "--Gateway:PublicBaseUrl=https://gateway.example.nhs.uk/fhir",
                $"--Audit:DataDirectory={data.FullName}",
                $"--Authentication:SigningKey={shared}",
                "--Authentication:Issuer=https://issuer.example.nhs.uk",
                "--Authentication:Audience=ncrs-gateway",
                $"--Audit:EncryptionKey={shared}",
                $"--Audit:HashKey={Convert.ToBase64String(new byte[32])}",
                $"--Cache:KeyHashSecret={new string('a', 40)}",
            ]);

            var lines = Lines(stderr);
            Assert.Equal(1, exitCode);
            Assert.All(lines, line => Assert.StartsWith("Configuration error: ", line, StringComparison.Ordinal));
            Assert.Contains("Configuration error: Audit:EncryptionKey is the same key as Authentication:SigningKey: use each key for one purpose only", stderr, StringComparison.Ordinal);
            Assert.Contains(lines, l => l.StartsWith("Configuration error: Audit:HashKey is not random enough to be a secret", StringComparison.Ordinal) && l.Contains("openssl rand -base64 32", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("Configuration error: Cache:KeyHashSecret is not random enough to be a secret", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("Configuration error: Adapters:Pds:BaseUrl must be an https URL", StringComparison.Ordinal));
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(shared, stderr, StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Process_UpstreamTokenEqualToTheCacheSecret_IsRefused_ButUpstreamsMayShareOneToken()
    {
        var data = Directory.CreateTempSubdirectory("ncrs-keys-");
        var token = "upstream-token-" + Guid.NewGuid().ToString("N");
        try
        {
            var (exitCode, _, stderr) = await GatewayProcess.RunToExitAsync(
            [
                $"--Adapters:Pds:BaseUrl=https://pds.example.org/{PdsPath}",
                $"--Adapters:Pds:AccessToken={token}",
                "--Adapters:Nrl:BaseUrl=https://nrl.example.org/record-locator/consumer/FHIR/R4/",
                $"--Adapters:Nrl:AccessToken={token}",
                $"--Cache:KeyHashSecret={token}",
                "--Gateway:PublicBaseUrl=https://gateway.example.nhs.uk/fhir",
                $"--Audit:DataDirectory={data.FullName}",
                "--Authentication:Audience=ncrs-gateway",
                $"--Audit:EncryptionKey={Key()}",
                $"--Audit:HashKey={Key()}",
            ]);

            var lines = Lines(stderr);
            Assert.Equal(1, exitCode);
            Assert.Contains(lines, l => l.StartsWith("Configuration error: Adapters:Pds:AccessToken is the same key as Cache:KeyHashSecret", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("Configuration error: Adapters:Nrl:AccessToken is the same key as Cache:KeyHashSecret", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains("Adapters:Nrl:AccessToken is the same key as Adapters:Pds:AccessToken", StringComparison.Ordinal));
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static string Key() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static List<string> Lines(string stderr) =>
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
