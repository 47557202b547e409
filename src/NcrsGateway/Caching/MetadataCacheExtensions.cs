using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NcrsGateway.Audit;
using NcrsGateway.Fhir;
using NcrsGateway.Core;
using NcrsGateway.Core.Ports;
using NcrsGateway.Hosting;

namespace NcrsGateway.Caching;

/// <summary>Registers the metadata cache and puts it in front of endpoints.</summary>
internal static class MetadataCacheExtensions
{
    public static WebApplicationBuilder AddMetadataCache(this WebApplicationBuilder builder)
    {
        builder.AddGatewayRedis();
        var services = builder.Services;
        services.AddOptions<CacheOptions>()
            .Bind(builder.Configuration.GetSection(CacheOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CacheOptions>, CacheOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CacheOptions>, CacheOptionsRules>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHybridCache(o => o.MaximumPayloadBytes = 8 * 1024 * 1024)
            .AddSerializer<CachedFhirResponse, CachedFhirResponseSerializer>();
        services.TryAddSingleton<CachedFhirResponseSerializer>();
        services.TryAddSingleton<CacheKeys>();
        services.TryAddSingleton<RedisMetadataStore>();
        services.TryAddSingleton<MetadataCache>();
        services.TryAddSingleton<IMetadataCacheInvalidator>(sp => sp.GetRequiredService<MetadataCache>());
        services.AddHostedService<CacheInvalidationBackplane>();
        return builder;
    }

    /// <summary>Caches this endpoint's answers under the key <paramref name="keyOf"/> gives (null: not cached).</summary>
    public static RouteHandlerBuilder WithMetadataCache(this RouteHandlerBuilder route, Func<HttpContext, CacheKeys, CacheEntryKey?> keyOf) =>
        route.AddEndpointFilter(new MetadataCacheFilter(keyOf));

    /// <summary>
    /// Caches <c>GET /fhir/Patient/{nhsNumber}</c> per NHS number (keyed hash). The patient is recorded for audit
    /// here too, because a hit never reaches the handler: every read is audited, cached or not.
    /// </summary>
    public static RouteHandlerBuilder CachePatientRead(this RouteHandlerBuilder route) =>
        route.WithMetadataCache(static (http, keys) =>
        {
            if (!NhsNumber.TryParse(http.Request.RouteValues["nhsNumber"] as string, out var nhsNumber))
            {
                return null;
            }

            http.AuditPatient(nhsNumber);
            return keys.PatientRead(nhsNumber);
        });

    /// <summary>
    /// Caches <c>GET /fhir/DocumentReference?patient:identifier=…</c> (pointer metadata only) per patient, query and
    /// end-user organisation: NRL answers depend on what the organisation is onboarded for, so one organisation's
    /// answer is never served to another.
    /// </summary>
    public static RouteHandlerBuilder CachePointerSearch(this RouteHandlerBuilder route) =>
        route.WithMetadataCache(static (http, keys) =>
        {
            var search = RecordLocation.DocumentReferenceSearchRequest.Parse(http.Request.Query);
            http.AuditPatient(search.Query.NhsNumber);
            var discriminator = string.Join('|',
                http.ToRequestContext().EndUserOrganisationOds ?? "-",
                string.Join(',', search.Query.TypeCodes.Order(StringComparer.Ordinal)),
                string.Join(',', search.Query.CategoryCodes.Order(StringComparer.Ordinal)),
                search.Count,
                search.Page);
            return keys.PointerSearch(search.Query.NhsNumber, discriminator);
        });
}
