using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NcrsGateway.Adapters.Conformance;
using NcrsGateway.Core.Errors;
using NcrsGateway.Core.Model.Immunisations;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Immunisation.Tests;

/// <summary>
/// The adapter contract kit run against the Immunisation adapter: the representative request is a FLU search.
/// A 403 means the gateway is not authorised for that vaccine type (access is granted per type).
/// </summary>
public sealed class ImmunisationConformanceTests : AdapterConformanceTests<IImmunisationHistory, ImmunisationSearchResult, ImmunisationOptions>
{
    protected override string AdapterKey => ImmunisationSource.Name;

    protected override string ConfigurationSection => ImmunisationOptions.SectionName;

    protected override string BasePath => ImmunisationOptions.FhirBasePath;

    protected override GatewayError? ExpectedError(int status) => status == 403 ? ImmunisationErrors.VaccineTypeNotPermitted : base.ExpectedError(status);

    protected override void AddAdapter(IServiceCollection services, IConfiguration configuration) => services.AddImmunisationAdapter(configuration);

    protected override Task<ImmunisationSearchResult> InvokeAsync(IImmunisationHistory port, string nhsNumber, RequestContext context, CancellationToken cancellationToken) =>
        port.SearchAsync(new ImmunisationSearchQuery(ParseNhsNumber(nhsNumber), ["FLU"]), context, cancellationToken);

    protected override string MinimalValidResponse(string nhsNumber) =>
        ImmunizationJson.SearchSet(ImmunizationJson.Minimal("conformance-1", nhsNumber));
}
