using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NcrsGateway.ClinicalContext.Launch;
using NcrsGateway.ClinicalContext.Selection;
using NcrsGateway.ClinicalContext.Verification;

namespace NcrsGateway.ClinicalContext;

/// <summary>
/// Registers demographic verification, patient selection and NCRS launch. The selection store is the shared
/// Redis when <c>Redis:Configuration</c> is set (so every instance sees every selection), otherwise in memory. The audit trail (<c>IAuditTrail</c>) comes from
/// <c>AddAuditTrail</c>.
/// </summary>
internal static class ClinicalContextServiceCollectionExtensions
{
    /// <param name="developmentHost">Set only by a development host: then a relative launch URL (its own page) is allowed.</param>
    public static IServiceCollection AddClinicalContext(this IServiceCollection services, IConfiguration configuration, bool developmentHost)
    {
        services.AddOptions<ClinicalContextOptions>()
            .Bind(configuration.GetSection(ClinicalContextOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClinicalContextOptions>, ClinicalContextOptionsValidator>());
        services.TryAddSingleton<NcrsGateway.Fhir.Security.IWorkstationHeaderOptions>(sp => sp.GetRequiredService<IOptions<ClinicalContextOptions>>().Value);
        services.AddOptions<NcrsOptions>()
            .Bind(configuration.GetSection(NcrsOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NcrsOptions>, NcrsOptionsValidator>());
        services.AddSingleton<IValidateOptions<NcrsOptions>>(new NcrsOptionsRules(developmentHost));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISelectionStore>(sp => sp.GetService<Caching.Redis.RedisConnection>() is { IsConfigured: true } redis
            ? new RedisSelectionStore(redis)
            : new InMemorySelectionStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ClinicalAudit>();
        services.TryAddSingleton<DemographicVerifier>();
        services.TryAddSingleton<NationalRecordCheck>();
        services.TryAddSingleton<SelectionService>();
        services.TryAddSingleton<Core.Ports.IPatientSelections, PatientSelections>(); // the events feature cancels selections after a death or NHS-number change
        services.TryAddSingleton<NcrsLaunchUrl>();
        services.TryAddSingleton<NcrsLaunchService>();
        return services;
    }
}
