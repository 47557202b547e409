using Microsoft.Extensions.DependencyInjection.Extensions;
using NcrsGateway.Adapters.Documents;
using NcrsGateway.Adapters.Http;
using NcrsGateway.Adapters.Immunisation;
using NcrsGateway.Adapters.Mns;
using NcrsGateway.Adapters.Nrl;
using NcrsGateway.Adapters.Pds;
using NcrsGateway.Audit;
using NcrsGateway.Audit.AspNetCore;
using NcrsGateway.Caching;
using NcrsGateway.ClinicalContext;
using NcrsGateway.Core.Ports;
using NcrsGateway.Demographics;
using NcrsGateway.Events;
using NcrsGateway.RecordLocation;
using NcrsGateway.Fhir;
using NcrsGateway.Hosting;
using NcrsGateway.Http;
using NcrsGateway.Immunisations;
using NcrsGateway.Operations;
using NcrsGateway.RateLimiting;
using NcrsGateway.Security;
using NcrsGateway.ServiceDefaults;

namespace NcrsGateway;

/// <summary>
/// The gateway's wiring. <c>Program.cs</c> calls it; the sandbox host (<c>src/NcrsGateway.Sandbox.Host</c>) calls it with
/// its hooks; functional tests call it to run real Kestrel hosts.
/// </summary>
public static class GatewayApp
{
    /// <param name="args">Command-line arguments.</param>
    /// <param name="configure">Runs first, on the builder: extra configuration and services (the sandbox host's simulators).</param>
    /// <param name="map">Runs last, on the built app: extra routes (the sandbox host's <c>/sandbox/*</c>).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var development = DevelopmentHost.From(builder);

        builder.AddServiceDefaults();
        builder.AddInboundHttp();
        builder.Services.AddGatewayOptions(builder.Configuration, development is not null);
        builder.Services.AddFhirEdge(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<GatewayOptions>>().Value.PublicBaseUrl);
        builder.Services.AddPdsAdapter(builder.Configuration, onlyWhenConfigured: true); // each registers its descriptor
        builder.Services.AddNrlAdapter(builder.Configuration, onlyWhenConfigured: true);
        builder.Services.AddImmunisationAdapter(builder.Configuration, onlyWhenConfigured: true);
        builder.Services.AddMnsAdapter(builder.Configuration, onlyWhenConfigured: true); // the subscriptions Events:SubscribeTo keeps
        if (builder.Services.HasAdapterFor<IRecordLocator>())
        {
            builder.Services.AddDocumentsAdapter(builder.Configuration, onlyWhenConfigured: true); // document retrieval serves record location's Binary
        }

        builder.Services.AddUpstreamHealthChecks(); // one /health/ready entry per registered descriptor

        builder.Services.TryAddSingleton(TimeProvider.System); // tests supply a FakeTimeProvider first
        builder.Services.AddAuditTrail(builder.Configuration, allowGeneratedKeys: development is not null);
        builder.Services.AddGatewayAuthentication(builder.Configuration, development);
        builder.Services.AddGatewayAuthorization();

        // Features: each adds itself (services, routes, CapabilityStatement part, audit actions) only when its adapter is configured.
        builder.AddDemographics();
        builder.AddRecordLocation();
        builder.AddImmunisations();
        builder.AddClinicalContext(developmentHost: development is not null);
        builder.AddAuditEventSearch();
        builder.AddEvents(); // national change events (MNS), when a sender credential is configured

        builder.AddMetadataCache();
        builder.AddGatewayRateLimiting();
        builder.AddOperations(); // the support lookup: /ops/correlation/{id}, /ops/

        var app = builder.Build();
        app.UseKnownProxyForwardedHeaders();
        app.UseResponseSecurityHeaders();
        app.UseServerTiming();
        app.UseCorrelation();
        app.UseFhirErrors();
        app.UseAuditMiddleware();
        app.UseAuthentication(); // explicit, after audit: refused requests are audited and answered with an OperationOutcome
        app.UseRequestDimensions(); // the caller's organisation, site and client software label every metric from here on
        app.UseFhirFormat(); // after authentication: a 406's audit row names its user
        app.UseGatewayRateLimiting(); // after authentication: partitions come from the token's claims
        app.UseAuthorization();
        app.UseFhirSearch(); // last: POST _search forms, lenient handling, _summary/_elements/_count on what the handler answers

        app.MapDefaultEndpoints(http => http.User.IsInRole(GatewayRoles.Support)); // readiness detail: operations support only
        app.MapFhir(); // /fhir: metadata, every feature's routes, the fallback
        app.MapEvents(); // the MNS ingestion route, outside /fhir
        app.MapOperations(); // /ops: support staff only
        app.MapMetricsEndpoint(Fhir.Security.GatewayPolicies.Support); // opt-in Prometheus scrape, never anonymous
        map?.Invoke(app);
        return app;
    }
}
