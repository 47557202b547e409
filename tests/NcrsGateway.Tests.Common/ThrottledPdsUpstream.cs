using System.Text.Json;
using NcrsGateway.Core.Fhir;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace NcrsGateway.Tests.Common;

/// <summary>
/// A stand-in PDS with the national per-application budget: it allows <c>requestsPerSecond</c> reads a second (a token
/// bucket of that many tokens refilled at that rate, as API gateways count) and answers 429 with <c>Retry-After: 1</c>
/// beyond it. Every Patient read it admits answers a minimal Patient whose id is the NHS number in the path.
/// </summary>
public sealed class ThrottledPdsUpstream : IDisposable
{
    private readonly Lock _gate = new();
    private readonly double _rate;
    private readonly double _capacity;
    private double _tokens;
    private long _lastTicks;
    private int _answered;
    private int _throttled;

    public ThrottledPdsUpstream(int requestsPerSecond = 5, TimeSpan? latency = null)
    {
        _rate = requestsPerSecond;
        _capacity = requestsPerSecond;
        _tokens = _capacity;
        _lastTicks = DateTime.UtcNow.Ticks;
        Server = WireMockServer.Start();
        var response = Response.Create().WithCallback(Answer);
        if (latency is { } delay)
        {
            response = response.WithDelay(delay);
        }

        Server.Given(Request.Create().WithPath(new WireMock.Matchers.RegexMatcher("^" + UpstreamPaths.Pds + "Patient/[0-9]{10}$")).UsingGet())
            .RespondWith(response);
    }

    public WireMockServer Server { get; }

    public string BaseUrl => Server.Url + UpstreamPaths.Pds;

    /// <summary>Reads answered 200.</summary>
    public int Answered => Volatile.Read(ref _answered);

    /// <summary>Reads answered 429 (over the budget).</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    /// <summary>Gateway settings that point the PDS adapter here.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Adapters:Pds:BaseUrl"] = BaseUrl,
        ["Adapters:Pds:AccessToken"] = "test-token",
    };

    private ResponseMessage Answer(IRequestMessage request)
    {
        if (!TryTake(request.DateTime.ToUniversalTime().Ticks))
        {
            Interlocked.Increment(ref _throttled);
            return Message(429, """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"throttled","details":{"coding":[{"system":"https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode","code":"TOO_MANY_REQUESTS"}]}}]}""", ("Retry-After", "1"));
        }

        Interlocked.Increment(ref _answered);
        var nhsNumber = request.Path[(request.Path.LastIndexOf('/') + 1)..];
        return Message(200, JsonSerializer.Serialize(PdsUpstream.MinimalPatient(nhsNumber, "1"), FhirJson.Options), ("ETag", "W/\"1\""));
    }

    /// <summary>Counts the request at the moment it arrived (WireMock's receipt time), as an API gateway would.</summary>
    private bool TryTake(long arrivedTicks)
    {
        lock (_gate)
        {
            var now = Math.Max(arrivedTicks, _lastTicks);
            _tokens = Math.Min(_capacity, _tokens + ((now - _lastTicks) * _rate / TimeSpan.TicksPerSecond));
            _lastTicks = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }

    private static ResponseMessage Message(int status, string body, params (string Name, string Value)[] headers)
    {
        var all = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/fhir+json") };
        foreach (var (name, value) in headers)
        {
            all[name] = new(value);
        }

        return new ResponseMessage
        {
            StatusCode = status,
            Headers = all,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = System.Text.Encoding.UTF8 },
        };
    }

    public void Dispose() => Server.Stop();
}
