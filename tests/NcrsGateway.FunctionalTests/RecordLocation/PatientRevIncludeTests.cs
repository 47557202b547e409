using System.Net;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using NcrsGateway.Core.Fhir;
using NcrsGateway.Tests.Common;
using WireMock;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace NcrsGateway.FunctionalTests.RecordLocation;

/// <summary>
/// <c>GET /fhir/Patient?identifier=…&amp;_revinclude=DocumentReference:subject</c>: the patient and their pointers in
/// one Bundle, with PDS and NRL called in parallel.
/// </summary>
public sealed class PatientRevIncludeTests : IAsyncLifetime
{
    private const string Number = "9434765919";
    private const string Url = "fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|" + Number + "&_revinclude=DocumentReference:subject";
    private readonly PdsUpstream _pds = new();
    private readonly NrlUpstream _nrl = new();
    private GatewayHost _host = null!;

    public async Task InitializeAsync()
    {
        var settings = _pds.Settings(maxRetries: 0);
        foreach (var (key, value) in _nrl.Settings())
        {
            settings[key] = value;
        }

        settings["Adapters:Pds:AttemptTimeout"] = "00:00:05";
        settings["Adapters:Pds:TotalTimeout"] = "00:00:08";
        _host = await GatewayHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _pds.Dispose();
        _nrl.Dispose();
    }

    [Fact]
    public async Task Search_WithRevInclude_CallsPdsAndNrlConcurrently()
    {
        // Each upstream answers only once the other has RECEIVED its request: a sequential gateway would
        // deadlock until the 3 s guard gives up, so success proves the calls overlapped.
        var pdsReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var nrlReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pds.Server.Given(_pds.ReadOf(Number)).RespondWith(Response.Create().WithCallback(async _ =>
        {
            pdsReceived.TrySetResult();
            return await Answer(nrlReceived.Task, PdsUpstream.MinimalPatient(Number, "3"));
        }));
        _nrl.Server.Given(_nrl.Search()).RespondWith(Response.Create().WithCallback(async _ =>
        {
            nrlReceived.TrySetResult();
            return await Answer(pdsReceived.Task, NrlUpstream.SearchSet(
                NrlUpstream.Pointer("RA901-0b6f7d0e-1c2a-4f5b-9d3e-7a8b9c0d1e2f", Number, "https://repository.example/doc.pdf")));
        }));

        var bundle = await FhirAssert.ResourceAsync<Bundle>(await _host.CreateClinicianClient().GetAsync(Url));

        Assert.Equal(1, bundle.Total);
        var patient = Assert.Single(bundle.Entry, e => e.Search.Mode == Bundle.SearchEntryMode.Match);
        Assert.Equal(Number, patient.Resource.Id);
        var pointer = Assert.Single(bundle.Entry, e => e.Search.Mode == Bundle.SearchEntryMode.Include);
        var reference = Assert.IsType<DocumentReference>(pointer.Resource);
        Assert.StartsWith(_host.PublicFhirBase + "Binary/", reference.Content[0].Attachment.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WithRevIncludeWhenNrlFails_ReturnsTheNrlErrorNotAPartialBundle()
    {
        _pds.Server.Given(_pds.ReadOf(Number)).RespondWith(_pds.PatientResponse(Number));
        _nrl.Server.Given(_nrl.Search()).RespondWith(NrlUpstream.Outcome(500, "INTERNAL_SERVER_ERROR"));

        await FhirAssert.OutcomeAsync(await _host.CreateClinicianClient().GetAsync(Url), HttpStatusCode.BadGateway, "upstream-error");
    }

    [Fact]
    public async Task Search_WithUnsupportedRevInclude_Returns400InvalidSearch()
    {
        await FhirAssert.OutcomeAsync(
            await _host.CreateClinicianClient().GetAsync("fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|" + Number + "&_revinclude=Observation:subject"),
            HttpStatusCode.BadRequest, "invalid-search");
        Assert.Equal(0, _pds.Calls + _nrl.Calls);
    }

    private static async Task<IResponseMessage> Answer(Task other, Resource resource)
    {
        var overlapped = await Task.WhenAny(other, Task.Delay(TimeSpan.FromSeconds(3))) == other;
        return new ResponseMessage
        {
            StatusCode = overlapped ? 200 : 500,
            Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/fhir+json") },
            BodyData = new BodyData
            {
                BodyAsString = overlapped ? JsonSerializer.Serialize(resource, FhirJson.Options) : "{}",
                DetectedBodyType = BodyType.String,
                Encoding = Encoding.UTF8,
            },
        };
    }
}
