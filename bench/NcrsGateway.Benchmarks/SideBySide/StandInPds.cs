using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace NcrsGateway.Benchmarks.SideBySide;

/// <summary>
/// A fast local stand-in PDS on Kestrel: every <c>Patient/{nhsNumber}</c> read answers a small Patient at once. With a
/// budget it allows that many reads a second (a token bucket of that size, refilled at that rate) and answers 429 with
/// <c>Retry-After: 1</c> beyond it, as the national service does.
/// </summary>
internal sealed class StandInPds : IAsyncDisposable
{
    public const string BasePath = "/personal-demographics/FHIR/R4/";
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly double? _rate;
    private double _tokens;
    private long _last = Environment.TickCount64;
    private int _answered;
    private int _throttled;

    private StandInPds(int? requestsPerSecond)
    {
        _rate = requestsPerSecond;
        _tokens = requestsPerSecond ?? 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet(BasePath + "Patient/{id}", (string id, HttpContext http) => Answer(id, http));
    }

    public Uri BaseUrl { get; private set; } = null!;

    public int Answered => Volatile.Read(ref _answered);

    public int Throttled => Volatile.Read(ref _throttled);

    public static async Task<StandInPds> StartAsync(int? requestsPerSecond = null)
    {
        var pds = new StandInPds(requestsPerSecond);
        await pds._app.StartAsync();
        var address = pds._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        pds.BaseUrl = new Uri(address.TrimEnd('/') + BasePath);
        return pds;
    }

    private Task Answer(string id, HttpContext http)
    {
        http.Response.ContentType = "application/fhir+json";
        if (!TryTake())
        {
            Interlocked.Increment(ref _throttled);
            http.Response.StatusCode = 429;
            http.Response.Headers.RetryAfter = "1";
            return http.Response.WriteAsync("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"throttled"}]}""");
        }

        Interlocked.Increment(ref _answered);
        http.Response.Headers.ETag = "W/\"1\"";
        return http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(PatientJson(id))).AsTask();
    }

    private bool TryTake()
    {
        if (_rate is not { } rate)
        {
            return true;
        }

        lock (_gate)
        {
            var now = Environment.TickCount64;
            _tokens = Math.Min(rate, _tokens + ((now - _last) * rate / 1000.0));
            _last = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }

    private static string PatientJson(string id) => $$$"""
        {"resourceType":"Patient","id":"{{{id}}}","meta":{"versionId":"1","security":[{"system":"http://terminology.hl7.org/CodeSystem/v3-Confidentiality","code":"U","display":"unrestricted"}]},
         "identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"{{{id}}}"}],
         "name":[{"use":"usual","family":"Benchperson","given":["Alex","Sam"],"prefix":["Mx"]}],
         "gender":"unknown","birthDate":"1970-01-01",
         "address":[{"use":"home","line":["1 Bench Street","Leeds"],"postalCode":"LS1 1AA"}],
         "generalPractitioner":[{"type":"Organization","identifier":{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"Y12345"}}]}
        """;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
