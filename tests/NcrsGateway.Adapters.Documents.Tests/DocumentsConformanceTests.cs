using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Adapters.Conformance;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Documents.Tests;

/// <summary>
/// The adapter contract kit run against the documents adapter: the representative request streams a document whose URL
/// (as a pointer would give it) names the patient's NHS number, from an allow-listed loopback repository. It is a
/// byte-streaming adapter (<see cref="AdapterTraits"/>): it takes a pointer's content, not an NHS number; it never
/// replays a download; it maps nothing (the bytes pass through, the pointer carries the provenance); its timeout is an
/// idle-read timeout. A repository's 404 means the document is no longer there.
/// </summary>
public sealed class DocumentsConformanceTests : AdapterConformanceTests<IDocumentRetrieval, DeliveredDocument, DocumentsOptions>
{
    private const string PointerId = "conformance-pointer-1";

    /// <summary>Stands in for the host: the request being served, whose response the document is streamed into.</summary>
    private readonly HttpContextAccessor _exchange = new();

    protected override string AdapterKey => SourceServices.DocumentRepository;

    protected override string ConfigurationSection => DocumentsOptions.SectionName;

    protected override string BasePath => "/documents/";

    protected override AdapterTraits Traits { get; } = new()
    {
        TakesNhsNumber = false,
        RetriesTransientFailures = false,
        PassesBytesThrough = true,
        TimesOutIdleBodyOnly = true,
        StaticTokenSetting = null,
    };

    protected override IReadOnlyDictionary<string, string?> NoRetrySettings => new Dictionary<string, string?>();

    protected override IReadOnlyDictionary<string, string?> ShortTimeoutSettings => new Dictionary<string, string?> { ["IdleReadTimeout"] = "00:00:01" };

    protected override TimeSpan LongerThanIdleTimeout => TimeSpan.FromMilliseconds(1500);

    protected override (string Key, string Value) InvalidSetting => ("IdleReadTimeout", "00:00:00");

    protected override IReadOnlyDictionary<string, string?> UpstreamSettings(Uri upstreamBase) => new Dictionary<string, string?>
    {
        ["AllowedHosts:0"] = upstreamBase.Authority,
        ["AllowHttp"] = "true",
        ["EndUserOrganisationOds"] = ConfiguredOds,
    };

    protected override GatewayError? ExpectedError(int status) => status == 404 ? GatewayErrors.DocumentUnavailable : base.ExpectedError(status);

    protected override void AddAdapter(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IHttpContextAccessor>(_exchange);
        services.AddDocumentsAdapter(configuration);
    }

    protected override async Task<DeliveredDocument> InvokeAsync(IDocumentRetrieval port, string nhsNumber, RequestContext context, CancellationToken cancellationToken)
    {
        var content = new DocumentContent(new Uri(UpstreamBase, $"patients/{nhsNumber}/crisis-plan.pdf"), "application/pdf", null, null);
        using var body = new MemoryStream();
        var http = new DefaultHttpContext { RequestAborted = cancellationToken };
        http.Request.Method = HttpMethods.Get;
        http.Response.Body = body;
        _exchange.HttpContext = http;

        await port.StreamAsync(content, PointerId, context, cancellationToken);

        return new DeliveredDocument(http.Response.StatusCode, http.Response.Headers, body.ToArray());
    }

    protected override byte[] PassedThroughBytes(DeliveredDocument result) => result.Body;

    protected override string MinimalValidResponse(string nhsNumber) => "%PDF-1.4\n% conformance crisis plan\n%%EOF\n";
}
