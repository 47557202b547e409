using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using NcrsGateway.Audit;
using NcrsGateway.Audit.Crypto;
using NcrsGateway.Audit.Storage;
using NcrsGateway.Core.Audit;
using NcrsGateway.Storage;
using NcrsGateway.Tests.Common;
using NcrsGateway.Tests.Infrastructure;

namespace NcrsGateway.FunctionalTests.Audit;

/// <summary>Kills a real gateway process under a burst of reads: every read that was answered must have its audit row.</summary>
public sealed class AuditCrashTests
{
    [Fact]
    public async Task Kill_UnderBurstOfReads_LosesNoAcknowledgedAuditRow()
    {
        // deleted after the gateway process, pass or fail; inside the sandbox's own folder, the only one it writes in
        using var folder = TempFolder.CreateIn(Path.Combine(Path.GetDirectoryName(GatewayProcess.Dll(GatewayProcess.SandboxHost))!, Sandbox.Host.SandboxApp.AuditDataDirectory), "ncrs-audit-crash-");
        var directory = folder.Path;
        var port = FreePort();
        using var gateway = StartGateway(port, directory);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        await WaitUntilUpAsync(http, gateway);
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await SandboxTokenAsync(http));

        var acknowledged = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var correlationId = Guid.NewGuid().ToString();
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, "fhir/Patient/9000000009");
                    request.Headers.Add("X-Correlation-ID", correlationId);
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                    if (response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsByteArrayAsync()).Length > 0)
                    {
                        acknowledged.Add(correlationId);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    // the process is gone: this read was never acknowledged
                }
            }
        })).ToList();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (acknowledged.Count < 150 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        gateway.Kill(entireProcessTree: true); // mid-burst: no graceful drain
        await gateway.WaitForExitAsync();
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        Assert.True(acknowledged.Count >= 50, $"only {acknowledged.Count} reads were answered before the kill");

        var keys = AuditKeyFile.LoadOrCreate(directory, out var generatedNow); // the keys the sandbox generated
        Assert.False(generatedNow);
        var found = await RecoveredCorrelationIdsAsync(directory, keys);

        var lost = acknowledged.Where(id => !found.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged reads have no audit row");
    }

    private static async Task<HashSet<string>> RecoveredCorrelationIdsAsync(string directory, AuditKeys keys)
    {
        await using var sqlite = new SqliteStore(directory, SqliteAuditStore.FileName);
        await using var trail = new AuditTrail(new SqliteAuditStore(sqlite), new PatientProtector(keys), new AuditOptions(), directory, TimeProvider.System, NullLogger<AuditTrail>.Instance);
        await trail.StartAsync(CancellationToken.None); // replays the journal the killed process left
        var found = new HashSet<string>();
        string? cursor = null;
        do
        {
            var page = await trail.SearchAsync(new AuditQuery(null, null, null, null, null, 100, cursor) { Scope = AuditScope.National }, CancellationToken.None);
            found.UnionWith(page.Records.Select(r => r.CorrelationId));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        await trail.StopAsync(CancellationToken.None);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return found;
    }

    private static Process StartGateway(int port, string directory)
    {
        var dll = GatewayProcess.Dll(GatewayProcess.SandboxHost);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in new[]
        {
            "--urls", $"http://127.0.0.1:{port}",
            $"--Audit:DataDirectory={directory}",
            "--Audit:FlushInterval=00:00:05", // most acknowledged rows are still only in the journal when the process dies
            "--Audit:BatchSize=10000",
            "--Logging:LogLevel:Default=Warning",
            "--Sandbox:Enabled=true",
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the gateway process.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilUpAsync(HttpClient http, Process gateway)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(gateway.HasExited, $"the gateway process exited with {(gateway.HasExited ? gateway.ExitCode : 0)}");
            try
            {
                using var response = await http.GetAsync("fhir/metadata");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The gateway process did not start within 60 s.");
    }

    /// <summary>A demo clinician's token from the sandbox's own issuer (the only tokens a sandbox process accepts).</summary>
    private static async Task<string> SandboxTokenAsync(HttpClient http)
    {
        using var response = await http.PostAsync("sandbox/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = "demo-clinician", ["workstation"] = "ws-crash-test" }));
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
