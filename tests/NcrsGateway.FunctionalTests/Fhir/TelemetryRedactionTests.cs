using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using NcrsGateway.FunctionalTests.ClinicalContext;
using NcrsGateway.Sandbox;
using NcrsGateway.Sandbox.Nrl;
using NcrsGateway.Tests.Common;

namespace NcrsGateway.FunctionalTests.Fhir;

/// <summary>
/// What an OTLP exporter would receive — every span, metric point and log record — during a sandbox session over every
/// route and the common errors, holds no NHS number (in any encoding the gateway accepts), name, postcode or full URL.
/// </summary>
public sealed partial class TelemetryRedactionTests
{
    private static readonly string[] NhsNumbers =
    [
        SandboxPatients.Search, SandboxPatients.Deceased, SandboxPatients.Restricted, SandboxPatients.Minimal,
        SandboxPatients.SupersededOld, SandboxPatients.Invalidated, SandboxPatients.NotFound, SandboxPatients.BadCheckDigit,
    ];

    // The Search patient's names and postcodes, and the local record sent to $verify.
    private static readonly string[] PersonalWords = ["Ashworth", "Eleanor", "Margaret", "Hartley", "HG14QT", "YO16DT", "Ramen", "LS14AP", "Toomany"];

    [Fact]
    public async Task SandboxSessionOverEveryRouteAndError_ExportsNoNhsNumberNamePostcodeOrUrl()
    {
        var telemetry = new TelemetryCapture();
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Telemetry:Prometheus:Enabled"] = "true" }, telemetry.Attach);
        using var clinician = new ClinicalContextClient(host, TestTokens.Clinician, "ws-telemetry");
        using var http = host.CreateClinicianClient();
        using var auditor = host.CreateClient(TestTokens.Mint(TestTokens.Auditor, "ws-audit"));
        using var anonymous = host.CreateClient();
        using var support = host.CreateClient(TestTokens.Mint(TestTokens.Support));
        http.DefaultRequestHeaders.Add("X-Client-Software", "Ashworth 9000000017"); // not a safe token: never a metric dimension
        http.DefaultRequestHeaders.Add("X-Site-ID", "HG1-4QT-9000000017");

        string[] reads =
        [
            "fhir/metadata",
            $"fhir/Patient/{SandboxPatients.Search}",
            $"fhir/Patient/{SandboxPatients.SupersededOld}",
            $"fhir/Patient/{SandboxPatients.Invalidated}",
            $"fhir/Patient/{SandboxPatients.NotFound}",
            $"fhir/Patient/{SandboxPatients.BadCheckDigit}",
            "fhir/Patient/900+000+0025", // forms the gateway decodes to a number it accepts
            "fhir/Patient/900%20000%200033",
            "fhir/Patient/%39000000009",
            "fhir/Patient?family=Ashworth&given=Eleanor&birthdate=eq1968-04-17&address-postalcode=HG1%204QT",
            "fhir/Patient?family=Hartley&gender=female&birthdate=1968-04-17",
            "fhir/Patient?family=Toomany&birthdate=eq1968-04-17",
            "fhir/Patient?family=Ashworth", // too broad: refused
            "fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|900+000+0017",
            "fhir/Patient?identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C900%20000%200017&_revinclude=DocumentReference:subject",
            $"fhir/DocumentReference?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|{SandboxPatients.Deceased}",
            $"fhir/DocumentReference?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|{SandboxPatients.Minimal}&_count=5",
            $"fhir/DocumentReference/{NrlSandboxPointers.CrisisPlanId}",
            $"fhir/Binary/{NrlSandboxPointers.RespectId}",
            $"fhir/Binary/{NrlSandboxPointers.MalformedId}",
            "fhir/Binary/https%3A%2F%2Fevil.example%2FAshworth%2F9000000017.pdf",
            $"fhir/Immunization?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|{SandboxPatients.Search}&-immunization.target=MMR",
            $"fhir/Observation?subject={SandboxPatients.Search}&name=Ashworth", // the FHIR fallback
            $"fhir/Patient/{SandboxPatients.Search}?_format=text/csv",
        ];
        var statuses = new List<HttpStatusCode>();
        foreach (var url in reads)
        {
            using var response = await http.GetAsync(url);
            statuses.Add(response.StatusCode);
        }

        var local = new Patient
        {
            Identifier = [new Identifier(Core.NhsNumber.System, SandboxPatients.Search)],
            Name = [new HumanName { Family = "Ramen", Given = ["Eleanor"] }],
            BirthDate = "1968-04-17",
            Address = [new Address { PostalCode = "LS1 4AP" }],
        };
        statuses.Add((await clinician.VerifyAsync(ClinicalContextClient.Body(local))).Status);
        var launch = await clinician.LaunchAsync(await clinician.SelectTokenAsync(SandboxPatients.Search));
        statuses.Add(launch.Status);
        using (var page = await anonymous.GetAsync(launch.Value("launchUrl")))
        {
            statuses.Add(page.StatusCode);
        }

        statuses.Add((await clinician.SelectAsync("943+476+5919")).Status);
        statuses.Add((await clinician.PostAsync("fhir/Patient/$verify", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Ashworth\"")).Status);
        using (var unauthenticated = await anonymous.GetAsync($"fhir/Patient/{SandboxPatients.Search}?family=Ashworth"))
        using (var forbidden = await auditor.GetAsync($"fhir/Patient/{SandboxPatients.Search}"))
        using (var audit = await auditor.GetAsync($"fhir/AuditEvent?patient={SandboxPatients.Search}&agent=test-clinician-1"))
        using (var unknown = await anonymous.GetAsync($"Ashworth/{SandboxPatients.Search}?postcode=HG1+4QT"))
        using (var badCorrelation = await Correlated(http, $"fhir/Patient/{SandboxPatients.Search}", "Ashworth 9000000017"))
        {
            statuses.AddRange([unauthenticated.StatusCode, forbidden.StatusCode, audit.StatusCode, unknown.StatusCode, badCorrelation.StatusCode]);
        }

        // What support staff see: every request's timeline, the recent failures, and the Prometheus scrape.
        var supportTexts = new List<string>();
        using (var recent = await support.GetAsync("ops/recent"))
        {
            var body = await recent.Content.ReadAsStringAsync();
            supportTexts.Add(body);
            foreach (System.Text.RegularExpressions.Match id in CorrelationIds().Matches(body))
            {
                using var lookup = await support.GetAsync("ops/correlation/" + id.Groups[1].Value);
                supportTexts.Add(await lookup.Content.ReadAsStringAsync());
            }
        }

        using (var scrape = await support.GetAsync("metrics"))
        {
            Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
            supportTexts.Add(await scrape.Content.ReadAsStringAsync());
        }

        TelemetryCapture.Flush(host.Services);

        // The simulated national APIs run in this process: keep the gateway's own server spans, not WireMock's.
        var port = host.BaseAddress.Port;
        var texts = telemetry.Texts(s => s.Kind != ActivityKind.Server || Equals(s.GetTagItem("server.port"), port)).Concat(supportTexts).ToList();
        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Contains(HttpStatusCode.BadRequest, statuses);
        Assert.Contains(HttpStatusCode.NotFound, statuses);
        Assert.Contains(HttpStatusCode.Unauthorized, statuses);
        Assert.Contains(HttpStatusCode.Forbidden, statuses);
        Assert.Contains(texts, t => t.StartsWith("span Server", StringComparison.Ordinal) && t.Contains("/fhir/Patient/{nhsNumber}", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("span Client", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("metric http.server.request.duration", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("log ", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("metric ncrs.gateway.request.duration", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("metric ncrs.upstream.request.duration", StringComparison.Ordinal));
        Assert.Contains(supportTexts, t => t.Contains("\"upstreamCalls\"", StringComparison.Ordinal));
        Assert.Contains(supportTexts, t => t.Contains("ncrs_gateway_request_duration_seconds_bucket", StringComparison.Ordinal));

        var leaks = texts.Where(t => Leak(t) is not null).Select(t => $"{Leak(t)} in: {t}").ToList();
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks.Take(20)));
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"correlationId\":\"([A-Za-z0-9._:-]+)\"")]
    private static partial System.Text.RegularExpressions.Regex CorrelationIds();

    /// <summary>What in <paramref name="text"/> identifies a patient, or null: the text is also read percent-decoded, with spaces, '+' and '-' taken out.</summary>
    private static string? Leak(string text)
    {
        var decoded = Decode(text);
        // Only as a number of its own: a measured value such as 0.0137409000000000006 holds the digits of 9000000000.
        if (NhsNumbers.Concat(["9434765919"]).FirstOrDefault(n => Regex.IsMatch(decoded, $@"(?<![0-9.]){n}(?![0-9])", RegexOptions.CultureInvariant)) is { } number)
        {
            return $"NHS number {number}";
        }

        // The taxonomy code too-many-matches reads as "toomany" once dashes are taken out: it names no one.
        var words = decoded.Replace("toomanymatches", string.Empty, StringComparison.OrdinalIgnoreCase);
        if (PersonalWords.FirstOrDefault(w => words.Contains(w, StringComparison.OrdinalIgnoreCase)) is { } word)
        {
            return $"'{word}'";
        }

        return FullUrl().Match(text) is { Success: true } url ? $"URL {url.Value}" : null;
    }

    private static string Decode(string text)
    {
        var decoded = text;
        try
        {
            decoded = Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            // not a URL: read as written
        }

        var plain = new StringBuilder(decoded.Length);
        foreach (var c in decoded.Where(c => c is not (' ' or '-' or '+')))
        {
            plain.Append(c);
        }

        return plain.ToString();
    }

    private static async Task<HttpResponseMessage> Correlated(HttpClient client, string url, string correlationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("X-Correlation-ID", correlationId);
        return await client.SendAsync(request);
    }

    /// <summary>A URL with a path beyond its root, on any scheme the gateway or its upstreams speak.</summary>
    [GeneratedRegex(@"https?://[^/\s]+/[^\s]+", RegexOptions.CultureInvariant)]
    private static partial Regex FullUrl();
}
