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
    public static IServiceCollection AddClinicalContext(this IServiceCollection services, IConfigurationManager configuration, bool sandbox)
    {
        if (sandbox && string.IsNullOrWhiteSpace(configuration[$"{NcrsOptions.SectionName}:{nameof(NcrsOptions.LaunchUrlTemplate)}"]))
        {
            configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{NcrsOptions.SectionName}:{nameof(NcrsOptions.LaunchUrlTemplate)}"] = NcrsOptions.SandboxLaunchUrlTemplate,
            });
        }

        services.AddOptions<ClinicalContextOptions>()
            .Bind(configuration.GetSection(ClinicalContextOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClinicalContextOptions>, ClinicalContextOptionsValidator>());
        services.PostConfigure<ClinicalContextOptions>(o => o.AcceptWorkstationHeader ??= sandbox);
        services.AddOptions<NcrsOptions>()
            .Bind(configuration.GetSection(NcrsOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NcrsOptions>, NcrsOptionsValidator>());
        services.AddSingleton<IValidateOptions<NcrsOptions>>(new NcrsOptionsRules(sandbox));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISelectionStore>(sp => sp.GetService<Hosting.RedisConnection>() is { IsConfigured: true } redis
            ? new RedisSelectionStore(redis)
            : new InMemorySelectionStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ClinicalAudit>();
        services.TryAddSingleton<DemographicVerifier>();
        services.TryAddSingleton<NationalRecordCheck>();
        services.TryAddSingleton<SelectionService>();
        services.TryAddSingleton<NcrsLaunchUrl>();
        services.TryAddSingleton<NcrsLaunchService>();
        return services;
    }
}
