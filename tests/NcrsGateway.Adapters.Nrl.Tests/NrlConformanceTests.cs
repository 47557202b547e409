using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Adapters.Conformance;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Model;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Nrl.Tests;

/// <summary>
/// The adapter contract kit run against the NRL adapter: the representative request is a pointer search. NRL answers
/// a patient it holds no pointers for with 404, which is an empty result; a 403 means the pointer type is not permitted.
/// </summary>
public sealed class NrlConformanceTests : AdapterConformanceTests<IRecordLocator, PointerSearchResult, NrlOptions>
{
    protected override string AdapterKey => SourceServices.Nrl;

    protected override string ConfigurationSection => NrlOptions.SectionName;

    protected override string BasePath => NrlOptions.ConsumerBasePath;

    protected override GatewayError? ExpectedError(int status) => status switch
    {
        403 => GatewayErrors.PointerTypeNotPermitted,
        404 => null,
        _ => base.ExpectedError(status),
    };

    protected override void AddAdapter(IServiceCollection services, IConfiguration configuration) => services.AddNrlAdapter(configuration);

    protected override Task<PointerSearchResult> InvokeAsync(IRecordLocator port, string nhsNumber, RequestContext context, CancellationToken cancellationToken) =>
        port.SearchAsync(new PointerSearchQuery(ParseNhsNumber(nhsNumber)), context, cancellationToken);

    protected override string MinimalValidResponse(string nhsNumber) =>
        PointerJson.SearchSet(PointerJson.Pointer("conformance-1", nhsNumber, "https://documents.example.nhs.uk/conformance-1.pdf"));
}
