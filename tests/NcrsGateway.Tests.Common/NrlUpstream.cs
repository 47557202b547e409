using System.Text.Json;
using Hl7.Fhir.Model;
using NcrsGateway.Core.Fhir;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace NcrsGateway.Tests.Common;

/// <summary>A bare WireMock NRL for fault tests: each test scripts exactly what the record locator answers.</summary>
public sealed class NrlUpstream : IDisposable
{
    public const string AsidSystem = "https://fhir.nhs.uk/Id/nhsSpineASID";

    public NrlUpstream() => Server = WireMockServer.Start();

    public WireMockServer Server { get; }

    public string BaseUrl => Server.Url + UpstreamPaths.Nrl;

    public int Calls => Server.LogEntries.Count();

    /// <summary>Gateway settings that point the NRL adapter here with short timings; http document URLs allowed (loopback).</summary>
    /// <remarks>Timeouts are generous by default so a cold first request on a busy CI box is not mistaken for a slow upstream.</remarks>
    public Dictionary<string, string?> Settings(int maxRetries = 0, string attemptTimeout = "00:00:05", string totalTimeout = "00:00:08") => new()
    {
        ["Adapters:Nrl:BaseUrl"] = BaseUrl,
        ["Adapters:Nrl:AccessToken"] = "test-token",
        ["Adapters:Nrl:AllowHttpContentUrls"] = "true",
        ["Adapters:Nrl:AttemptTimeout"] = attemptTimeout,
        ["Adapters:Nrl:TotalTimeout"] = totalTimeout,
        ["Adapters:Nrl:RetryBaseDelay"] = "00:00:00.010",
        ["Adapters:Nrl:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public IRequestBuilder Search() => Request.Create().WithPath(UpstreamPaths.Nrl + "DocumentReference/_search").UsingPost();

    public IRequestBuilder ReadOf(string id) => Request.Create().WithPath(UpstreamPaths.Nrl + "DocumentReference/" + id).UsingGet();

    public static IResponseBuilder Fhir(Resource resource) =>
        Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/fhir+json")
            .WithBody(JsonSerializer.Serialize(resource, FhirJson.Options));

    public static Bundle SearchSet(params DocumentReference[] pointers) => new()
    {
        Type = Bundle.BundleType.Searchset,
        Total = pointers.Length,
        Entry = [.. pointers.Select(p => new Bundle.EntryComponent { Resource = p })],
    };

    /// <summary>A well-formed current pointer for <paramref name="nhsNumber"/> whose document is at <paramref name="url"/>.</summary>
    public static DocumentReference Pointer(string id, string nhsNumber, string url, string? spineAsid = null, string contentType = "application/pdf")
    {
        var pointer = new DocumentReference
        {
            Id = id,
            Meta = new Meta { VersionId = "1" },
            Status = DocumentReferenceStatus.Current,
            Type = new CodeableConcept("http://snomed.info/sct", "736253002", "Mental health crisis plan"),
            Category = [new CodeableConcept("http://snomed.info/sct", "734163000", "Care plan")],
            Subject = new ResourceReference { Identifier = new Identifier("https://fhir.nhs.uk/Id/nhs-number", nhsNumber) },
            Custodian = new ResourceReference { Identifier = new Identifier("https://fhir.nhs.uk/Id/ods-organization-code", id.Split('-')[0]) },
            Date = new DateTimeOffset(2025, 3, 14, 10, 30, 0, TimeSpan.Zero),
            Content = [new DocumentReference.ContentComponent { Attachment = new Attachment { Url = url, ContentType = contentType } }],
        };
        if (spineAsid is not null)
        {
            pointer.Context = new DocumentReference.ContextComponent { Related = [new ResourceReference { Identifier = new Identifier(AsidSystem, spineAsid) }] };
        }

        return pointer;
    }

    public static IResponseBuilder Outcome(int status, string spineCode, string issueCode = "processing") => PdsUpstream.Outcome(status, spineCode, issueCode);

    public void Dispose() => Server.Stop();
}
