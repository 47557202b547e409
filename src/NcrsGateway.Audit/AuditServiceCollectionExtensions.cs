using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NcrsGateway.Audit.Crypto;
using NcrsGateway.Audit.Storage;
using NcrsGateway.Core.Audit;
using NcrsGateway.Core.Ports;
using NcrsGateway.Storage;

namespace NcrsGateway.Audit;

public static partial class AuditServiceCollectionExtensions
{
    /// <summary>
    /// Registers the durable audit trail as <see cref="IAuditTrail"/> (SQLite by default, PostgreSQL when
    /// <c>Audit:Provider</c> is <c>Postgres</c>) and the hosted service that replays and drains its journal.
    /// </summary>
    /// <param name="allowGeneratedKeys">
    /// True only in the sandbox: missing keys are then generated once into
    /// <c>audit-keys.json</c> under the data directory (with a loud warning) instead of failing validation.
    /// </param>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services, IConfiguration configuration, bool allowGeneratedKeys = false)
    {
        services.AddOptions<AuditOptions>()
            .Bind(configuration.GetSection(AuditOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.TryAddSingleton(new AuditKeyPolicy(allowGeneratedKeys));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditOptions>, AuditOptionsRules>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new AuditDataDirectory(Resolve(sp, sp.GetRequiredService<IOptions<AuditOptions>>().Value.DataDirectory)));
        services.TryAddSingleton(sp => new PatientProtector(LoadKeys(sp)));
        services.TryAddSingleton<IPatientProtector>(sp => sp.GetRequiredService<PatientProtector>()); // the events inbox protects NHS numbers the same way
        services.TryAddSingleton(sp => new RelationalStoreLocation(
            sp.GetRequiredService<IOptions<AuditOptions>>().Value.Provider == AuditProvider.Postgres ? StoreProvider.Postgres : StoreProvider.Sqlite,
            sp.GetRequiredService<AuditDataDirectory>().Path,
            sp.GetRequiredService<IOptions<AuditOptions>>().Value.PostgresConnectionString));
        services.TryAddSingleton<RelationalStores>(); // other stores (the events inbox) open their tables where audit keeps its own
        services.TryAddSingleton<IAuditStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AuditOptions>>().Value;
            return options.Provider == AuditProvider.Postgres
                ? new PostgresAuditStore(options.PostgresConnectionString!)
                : new SqliteAuditStore(sp.GetRequiredService<AuditDataDirectory>().Path);
        });
        services.TryAddSingleton(sp => new AuditTrail(
            sp.GetRequiredService<IAuditStore>(),
            sp.GetRequiredService<PatientProtector>(),
            sp.GetRequiredService<IOptions<AuditOptions>>().Value,
            sp.GetRequiredService<AuditDataDirectory>().Path,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AuditTrail>>()));
        services.TryAddSingleton<IAuditTrail>(sp => sp.GetRequiredService<AuditTrail>());
        services.AddHostedService<AuditTrailService>();
        services.AddHealthChecks()
            .AddCheck<AuditStoreHealthCheck>("audit-store", failureStatus: HealthStatus.Degraded, tags: ["ready"]) // ServiceDefaults' ready tag; hung store: Degraded
            .AddCheck<AuditJournalHealthCheck>("audit-journal", tags: ["ready"]);
        return services;
    }

    private static string Resolve(IServiceProvider services, string directory) =>
        Path.GetFullPath(Path.Combine(services.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory, directory));

    private static AuditKeys LoadKeys(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<AuditOptions>>().Value;
        if (options.EncryptionKey is { } encryption && options.HashKey is { } hash)
        {
            return AuditKeys.FromBase64(encryption, hash);
        }

        var directory = services.GetRequiredService<AuditDataDirectory>().Path;
        var keys = AuditKeyFile.LoadOrCreate(directory, out var created);
        LogGeneratedKeys(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuditTrail).FullName!), created ? "generated" : "reused", AuditKeyFile.FileName);
        return keys;
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "AUDIT KEYS NOT CONFIGURED: {Action} development keys in {KeyFile} under the audit data directory. Anyone with that file can read audited NHS numbers. Set Audit:EncryptionKey and Audit:HashKey (base64 of 32 random bytes each) outside the sandbox")]
    private static partial void LogGeneratedKeys(ILogger logger, string action, string keyFile);
}
