using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Hosting;

/// <summary>
/// Issue 9 item 19: upstream base URLs with or without a trailing slash; every configuration error one line naming the
/// key (the built gateway run as a real process); private audit files; simulators on loopback only.
/// </summary>
public sealed class StartupTests
{
    private const string PdsWithoutSlash = "https://int.api.service.nhs.uk/personal-demographics/FHIR/R4";

    [Fact]
    public async Task PatientRead_PdsBaseUrlWithoutTrailingSlash_ReachesTheUpstreamPath()
    {
        using var pds = new PdsUpstream();
        pds.Server.Given(pds.ReadOf("9434765919")).RespondWith(pds.PatientResponse("9434765919"));
        var settings = pds.Settings();
        settings["Adapters:Pds:BaseUrl"] = pds.BaseUrl.TrimEnd('/');
        await using var host = await GatewayHost.StartAsync(settings);
        using var client = host.CreateClinicianClient();

        using var response = await client.GetAsync("fhir/Patient/9434765919");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, pds.Calls);
    }

    [Fact]
    public async Task Process_SeveralConfigurationErrors_PrintsOneLineEachNamingTheKey_WithoutStackTrace()
    {
        var data = Directory.CreateTempSubdirectory("ncrs-startup-");
        try
        {
            var (exitCode, _, stderr) = await GatewayProcess.RunToExitAsync(
            [
                $"--Adapters:Pds:BaseUrl={PdsWithoutSlash}",
                $"--Audit:DataDirectory={data.FullName}",
                $"--Audit:EncryptionKey={Key()}",
                $"--Audit:HashKey={Key()}",
                "--Adapters:Pds:MaxRetries=9",
            ]);

            var lines = Lines(stderr);
            Assert.Equal(1, exitCode);
            Assert.All(lines, line => Assert.StartsWith("Configuration error: ", line, StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("Gateway:PublicBaseUrl is required outside the sandbox", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("Authentication:Authority", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("Authentication:Audience", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("Adapters:Pds:MaxRetries", StringComparison.Ordinal));
            Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Process_UnknownKey_IsOneLineNamingIt()
    {
        var (exitCode, _, stderr) = await GatewayProcess.RunToExitAsync(
        [
            "--Sandbox:Enabled=true",
            "--Gateway:PublicBaseUrlTypo=https://gateway.example.nhs.uk/fhir",
        ],
        project: GatewayProcess.SandboxHost);

        var line = Assert.Single(Lines(stderr));
        Assert.Equal(1, exitCode);
        Assert.Equal("Configuration error: Gateway:PublicBaseUrlTypo is not a known setting (check its spelling, or remove it).", line);
    }

    [Fact]
    public async Task Process_SandboxBesideARealUpstreamAndSigningKey_IsRefusedInOneLineForEachKey()
    {
        var (exitCode, _, stderr) = await GatewayProcess.RunToExitAsync(
        [
            "--Sandbox:Enabled=true",
            $"--Adapters:Pds:BaseUrl={PdsWithoutSlash}",
            $"--Authentication:SigningKey={TestTokens.SigningKey}",
        ],
        project: GatewayProcess.SandboxHost);

        var lines = Lines(stderr);
        Assert.Equal(1, exitCode);
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("Configuration error: Sandbox:Enabled=true cannot be combined with Adapters:Pds:BaseUrl: the sandbox never runs beside real upstreams", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Configuration error: Sandbox:Enabled=true cannot be combined with Authentication:SigningKey: ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_ProductionHostAskedForTheSandbox_IsRefusedInOneLinePointingAtTheSandboxHost()
    {
        var (exitCode, _, stderr) = await GatewayProcess.RunToExitAsync(["--Sandbox:Enabled=true"]);

        var line = Assert.Single(Lines(stderr));
        Assert.Equal(1, exitCode);
        Assert.Equal("Configuration error: Sandbox:Enabled=true: this is the production host, which never runs the sandbox; use src/NcrsGateway.Sandbox.Host.", line);
    }

    [Fact]
    public async Task Process_DevelopmentEnvironmentWithoutAuditKeys_IsRefusedOutsideTheSandbox()
    {
        var data = Directory.CreateTempSubdirectory("ncrs-startup-");
        try
        {
            var (exitCode, _, stderr) = await GatewayProcess.RunToExitAsync(
                [
                    $"--Adapters:Pds:BaseUrl={PdsWithoutSlash}",
                    "--Gateway:PublicBaseUrl=https://gateway.example.nhs.uk/fhir",
                    "--Ncrs:LaunchUrlTemplate=https://ncrs.example.nhs.uk/launch?nhsNumber={nhsNumber}",
                    $"--Audit:DataDirectory={data.FullName}",
                    .. TestTokens.Settings().Select(s => $"--{s.Key}={s.Value}"),
                ],
                new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" });

            var line = Assert.Single(Lines(stderr));
            Assert.Equal(1, exitCode);
            Assert.Equal("Configuration error: Audit:EncryptionKey and Audit:HashKey are required outside the sandbox (base64 of 32 random bytes each).", line);
            Assert.Empty(Directory.GetFiles(data.FullName)); // no generated key file
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task AuditFiles_AreCreatedPrivate_Directory0700_DatabaseAndJournal0600()
    {
        var parent = Directory.CreateTempSubdirectory("ncrs-modes-");
        var directory = Path.Combine(parent.FullName, "audit");
        try
        {
            await using (var host = await GatewayHost.StartWithSimulatorsAsync(new Dictionary<string, string?>
            {
                ["Audit:DataDirectory"] = directory, // a folder of its own: outside the sandbox
                ["Audit:FlushInterval"] = "00:05:00", // the row stays in its journal segment while we look
                ["Audit:BatchSize"] = "10000",
            }))
            {
                using var client = host.CreateClinicianClient();
                using var read = await client.GetAsync($"fhir/Patient/{SandboxPatients.Search}");
                Assert.Equal(HttpStatusCode.OK, read.StatusCode);

                var journal = Directory.GetFiles(directory, "audit-journal-*.log");
                Assert.NotEmpty(journal);
                Assert.Equal(AuditModes.Directory, File.GetUnixFileMode(directory));
                Assert.Equal(AuditModes.File, File.GetUnixFileMode(Path.Combine(directory, "audit.db")));
                Assert.All(journal, segment => Assert.Equal(AuditModes.File, File.GetUnixFileMode(segment)));
                Assert.All(Directory.GetFiles(directory, "audit.db-*"), f => Assert.Equal(AuditModes.File, File.GetUnixFileMode(f)));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            parent.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Sandbox_Simulators_ListenOnLoopbackOnly()
    {
        await using var host = await GatewayHost.StartAsync();
        var port = host.Services.GetRequiredService<SandboxUpstreams>().BaseUrl.Port;

        var listeners = ListeningAddresses(port);

        Assert.NotEmpty(listeners);
        Assert.All(listeners, address => Assert.True(IPAddress.IsLoopback(address), $"simulator listens on {address}:{port}"));
    }

    private static string Key() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static List<string> Lines(string stderr) =>
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>Local addresses of sockets in LISTEN state on <paramref name="port"/>, from /proc/net/tcp and tcp6 (Linux, as CI).</summary>
    private static List<IPAddress> ListeningAddresses(int port)
    {
        var found = new List<IPAddress>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists))
        {
            foreach (var row in File.ReadLines(table).Skip(1))
            {
                var columns = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var local = columns[1].Split(':');
                if (columns[3] != "0A" || int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) != port)
                {
                    continue;
                }

                var bytes = Convert.FromHexString(local[0]);
                for (var i = 0; i < bytes.Length; i += 4)
                {
                    Array.Reverse(bytes, i, 4); // each 32-bit word is in host (little-endian) order
                }

                found.Add(new IPAddress(bytes));
            }
        }

        Assert.True(File.Exists("/proc/net/tcp"), "this check reads /proc/net/tcp (Linux)");
        return found;
    }

    private static class AuditModes
    {
        public const UnixFileMode Directory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        public const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    }
}
