using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Fhir;
using NcrsGateway.Tests.Common;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace NcrsGateway.FunctionalTests.Caching;

/// <summary>
/// Callers of one patient share one upstream fetch (single flight). The caller whose request started it gives up
/// (its connection is closed) while PDS is still answering: the others still get the patient from that one call,
/// nobody gets a 500, and the abandoned request is audited as abandoned, not as a gateway fault. Real Kestrel, PDS
/// stand-in held until the test lets it answer; the waits are signals, nothing is timed.
/// </summary>
public sealed class SingleFlightCancellationTests : IAsyncLifetime
{
    private const string Number = "9434765919";
    private const string FirstCaller = "X-Test-First-Caller";
    private const int Waiters = 5;

    private readonly PdsUpstream _pds = new();
    private readonly InMemoryAuditTrail _audit = new();
    private readonly TaskCompletionSource _pdsCalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstAborted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim _pdsMayAnswer = new();
    private int _entered;
    private GatewayHost _host = null!;

    public async Task InitializeAsync()
    {
        var settings = _pds.Settings(maxRetries: 0);
        settings["Adapters:Pds:AttemptTimeout"] = "00:01:00";
        settings["Adapters:Pds:TotalTimeout"] = "00:01:00";
        settings["RateLimits:Enabled"] = "false";
        _host = await GatewayHost.StartAsync(settings, builder =>
        {
            builder.Services.AddSingleton<IAuditTrail>(_audit);
            builder.Services.AddSingleton<IStartupFilter>(new Observe(this));
        });
    }

    public async Task DisposeAsync()
    {
        _pdsMayAnswer.Set();
        await _host.DisposeAsync();
        _pds.Dispose();
        _pdsMayAnswer.Dispose();
    }

    [Fact]
    public async Task FirstCallerGivesUp_OthersWaitingOnTheSameFetch_GetThePatientFromOneCall_AndNobodyGets500()
    {
        var patient = JsonSerializer.Serialize(PdsUpstream.MinimalPatient(Number, "1"), FhirJson.Options);
        _pds.Server.Given(_pds.ReadOf(Number)).RespondWith(Response.Create().WithCallback(_ =>
        {
            _pdsCalled.TrySetResult();
            _pdsMayAnswer.Wait(TimeSpan.FromSeconds(60));
            return new WireMock.ResponseMessage
            {
                StatusCode = 200,
                Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/fhir+json"), ["ETag"] = new("W/\"1\"") },
                BodyData = new BodyData { BodyAsString = patient, DetectedBodyType = BodyType.String, Encoding = System.Text.Encoding.UTF8 },
            };
        }));

        using var first = _host.CreateClinicianClient();
        first.DefaultRequestHeaders.Add(FirstCaller, "1");
        using var gaveUp = new CancellationTokenSource();
        var firstCall = first.GetAsync($"fhir/Patient/{Number}", gaveUp.Token);
        await _pdsCalled.Task.WaitAsync(TimeSpan.FromSeconds(60)); // the first caller's fetch is at PDS

        var clients = Enumerable.Range(0, Waiters).Select(_ => _host.CreateClinicianClient()).ToList();
        var others = clients.Select(c => c.GetAsync($"fhir/Patient/{Number}")).ToList();
        await WaitUntilAsync(() => Volatile.Read(ref _entered) >= 1 + Waiters); // all of them are in the gateway
        await gaveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => firstCall);
        await _firstAborted.Task.WaitAsync(TimeSpan.FromSeconds(60)); // the gateway saw the first caller go
        _pdsMayAnswer.Set();

        var answers = await Task.WhenAll(others);
        var statuses = answers.Select(a => a.StatusCode).ToList();
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        foreach (var a in answers)
        {
            a.Dispose();
        }

        clients.ForEach(c => c.Dispose());
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(bodies, b => Assert.Contains(Number, b, StringComparison.Ordinal));
        Assert.Equal(1, _pds.Calls); // the fetch went on for the others: it was not cancelled and repeated

        await WaitUntilAsync(() => _audit.Records.Count >= 1 + Waiters);
        var rows = _audit.Records.Where(r => r.Action == AuditActions.PatientRead).ToList();
        Assert.DoesNotContain(rows, r => r.FailureCode == "internal-error");
        Assert.Equal(Waiters, rows.Count(r => r.Outcome == AuditOutcome.Success));
        var abandoned = Assert.Single(rows, r => r.Outcome == AuditOutcome.Failure);
        Assert.Equal("request-abandoned", abandoned.FailureCode);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.StartsWith("Error ", StringComparison.Ordinal) || l.StartsWith("Critical ", StringComparison.Ordinal));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the gateway.");
            await Task.Delay(20);
        }
    }

    /// <summary>Counts requests entering the gateway and signals when the first caller's request is aborted.</summary>
    private sealed class Observe(SingleFlightCancellationTests test) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext http, RequestDelegate inner) =>
            {
                if (http.Request.Path.StartsWithSegments("/fhir/Patient", StringComparison.Ordinal))
                {
                    if (http.Request.Headers.ContainsKey(FirstCaller))
                    {
                        http.RequestAborted.Register(() => test._firstAborted.TrySetResult());
                    }

                    Interlocked.Increment(ref test._entered);
                }

                await inner(http);
            });
            next(app);
        };
    }
}
