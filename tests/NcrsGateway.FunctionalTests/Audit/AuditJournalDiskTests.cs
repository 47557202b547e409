using NcrsGateway.Core.Errors;
using System.Net;
using System.Text.Json;
using Hl7.Fhir.Model;
using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Fhir;
using NcrsGateway.Sandbox;
using NcrsGateway.Tests.Common;
using NcrsGateway.Tests.Infrastructure;

namespace NcrsGateway.FunctionalTests.Audit;

/// <summary>
/// The audit data directory on a small real tmpfs: filled to ENOSPC, then freed; or remounted read-only. Audited
/// requests must fail at once with 503 audit-unavailable, readiness must say so, the gateway must recover by itself,
/// stop cleanly, and keep every row it acknowledged. Skipped (with the reason) where a tmpfs cannot be mounted.
/// </summary>
public sealed class AuditJournalDiskTests
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15); // a hung request fails the test instead of hanging it

    [SkippableFact]
    public async Task DiskFull_AuditedReadsFailAtOnceWithAuditUnavailable_AndRecoverWhenSpaceReturns_KeepingEveryAcknowledgedRow()
    {
        using var disk = TmpfsMount.TryMount("2m", out var reason);
        Skip.If(disk is null, reason);
        var host = await GatewayHost.StartWithSimulatorsAsync(Settings(disk.Path)); // the sandbox writes only in its own folder
        var stopped = false;
        try
        {
            using var clinician = Client(host);
            var acknowledged = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.OK, await ReadAsync(clinician, acknowledged));
            }

            disk.Fill();
            // The last page of the open segment may still have room for a row or two: those are acknowledged.
            var refused = 0;
            for (var i = 0; i < 200 && refused == 0; i++)
            {
                if (await ReadAsync(clinician, acknowledged) != HttpStatusCode.OK)
                {
                    refused++;
                }
            }

            Assert.Equal(1, refused);
            using (var again = await SendReadAsync(clinician, Guid.NewGuid().ToString()))
            {
                await AssertAuditUnavailableAsync(again);
            }

            using (var ready = await host.CreateClient().GetAsync("health/ready"))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
                Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
            }

            disk.Unfill();

            Assert.Equal(HttpStatusCode.OK, await ReadAsync(clinician, acknowledged)); // the next request writes again: no restart
            using (var ready = await host.CreateClient().GetAsync("health/ready"))
            {
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            }

            var stored = await StoredCorrelationIdsAsync(host);
            Assert.DoesNotContain(acknowledged, id => !stored.Contains(id));

            await host.DisposeAsync(); // must not throw: the journal writer is alive and drains
            stopped = true;
            Assert.Contains(host.Logs.Lines, l => l.Contains("Audit journal drained into the store", StringComparison.Ordinal));
        }
        finally
        {
            if (!stopped)
            {
                await StopQuietlyAsync(host);
            }
        }
    }

    [SkippableFact]
    public async Task ReadOnlyDisk_AuditedReadsFailAtOnceWithAuditUnavailable_AndRecoverWhenWritableAgain()
    {
        using var disk = TmpfsMount.TryMount("2m", out var reason);
        Skip.If(disk is null, reason);
        await using var postgres = await PostgresServer.StartAsync(); // the store elsewhere: an open audit.db would keep the remount busy
        var settings = Settings(disk.Path);
        settings["Audit:Provider"] = "Postgres";
        settings["Audit:PostgresConnectionString"] = await postgres.CreateDatabaseAsync();
        var host = await GatewayHost.StartWithSimulatorsAsync(settings); // the sandbox never uses PostgreSQL
        var stopped = false;
        try
        {
            using var clinician = Client(host);
            var acknowledged = new List<string>();
            disk.RemountReadOnly();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadAsync(clinician, acknowledged)); // audit-unavailable, asserted inside
            using (var ready = await host.CreateClient().GetAsync("health/ready"))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            }

            disk.RemountReadWrite();

            Assert.Equal(HttpStatusCode.OK, await ReadAsync(clinician, acknowledged));
            using (var ready = await host.CreateClient().GetAsync("health/ready"))
            {
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            }

            var stored = await StoredCorrelationIdsAsync(host);
            Assert.DoesNotContain(acknowledged, id => !stored.Contains(id));
            await host.DisposeAsync();
            stopped = true;
            Assert.Contains(host.Logs.Lines, l => l.Contains("Audit journal drained into the store", StringComparison.Ordinal));
        }
        finally
        {
            if (!stopped)
            {
                await StopQuietlyAsync(host);
            }
        }
    }

    internal static Dictionary<string, string?> Settings(string directory) => new()
    {
        ["Audit:DataDirectory"] = directory,
        ["Audit:FlushInterval"] = "00:00:00.050",
        ["Audit:RetryDelay"] = "00:00:00.050",
        ["Audit:MaxRetryDelay"] = "00:00:00.200",
    };

    internal static HttpClient Client(GatewayHost host)
    {
        var client = host.CreateClinicianClient();
        client.Timeout = RequestTimeout;
        return client;
    }

    /// <summary>An audited read; its correlation ID is added to <paramref name="acknowledged"/> when it was answered with data.</summary>
    internal static async Task<HttpStatusCode> ReadAsync(HttpClient client, List<string> acknowledged)
    {
        var correlationId = Guid.NewGuid().ToString();
        using var response = await SendReadAsync(client, correlationId);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            acknowledged.Add(correlationId);
            return response.StatusCode;
        }

        await AssertAuditUnavailableAsync(response);
        return response.StatusCode;
    }

    internal static async Task<HttpResponseMessage> SendReadAsync(HttpClient client, string correlationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"fhir/Patient/{SandboxPatients.Minimal}");
        request.Headers.Add("X-Correlation-ID", correlationId);
        return await client.SendAsync(request);
    }

    internal static async Task AssertAuditUnavailableAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var outcome = Assert.IsType<OperationOutcome>(JsonSerializer.Deserialize<Resource>(await response.Content.ReadAsStringAsync(), FhirJson.Options));
        var issue = Assert.Single(outcome.Issue);
        Assert.Equal("audit-unavailable", issue.Details.Coding.Single().Code);
        Assert.Contains("Try again", issue.Details.Text, StringComparison.Ordinal); // the next step for the clinician
        Assert.DoesNotContain("select", issue.Details.Text, StringComparison.OrdinalIgnoreCase); // a read: nothing to re-select
        Assert.Equal(GatewayErrors.AuditUnavailable.RetryAfter, response.Headers.RetryAfter?.Delta); // every 503 says when
    }

    internal static async Task<HashSet<string>> StoredCorrelationIdsAsync(GatewayHost host)
    {
        var trail = (IAuditTrail)host.Services.GetService(typeof(IAuditTrail))!;
        var found = new HashSet<string>();
        string? cursor = null;
        do
        {
            var page = await trail.SearchAsync(new AuditQuery(null, null, null, null, null, 100, cursor) { Scope = AuditScope.National }, CancellationToken.None);
            found.UnionWith(page.Records.Select(r => r.CorrelationId));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return found;
    }

    internal static async Task StopQuietlyAsync(GatewayHost host)
    {
        try
        {
            await host.DisposeAsync();
        }
#pragma warning disable CA1031 // cleanup after a failed assertion: the assertion is the result
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
