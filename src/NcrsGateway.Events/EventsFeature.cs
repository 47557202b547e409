using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NcrsGateway.Core.Ports;
using NcrsGateway.Events.Inbox;
using NcrsGateway.Events.Ingestion;
using NcrsGateway.Events.Operations;
using NcrsGateway.Events.Processing;
using NcrsGateway.Events.Subscribers;
using NcrsGateway.Events.Subscriptions;
using NcrsGateway.Fhir;
using NcrsGateway.Storage;

namespace NcrsGateway.Events;

/// <summary>
/// National change events (MNS): ingestion into a durable inbox, and the worker that acts on them. On only when a sender credential is configured
/// (<c>Events:SharedSecret</c> or <c>Events:SigningKey</c>); otherwise nothing is registered and no route exists.
/// Needs the relational store and the NHS-number protection that <c>AddAuditTrail</c> registers.
/// </summary>
public static class EventsFeature
{
    public static IHostApplicationBuilder AddEvents(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(EventsOptions.SectionName);
        var configured = section.Get<EventsOptions>(o => o.ErrorOnUnknownConfiguration = false) is { IsConfigured: true };
        if (!configured)
        {
            return builder;
        }

        var services = builder.Services;
        services.AddOptions<EventsOptions>()
            .Bind(section, o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EventsOptions>, EventsOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EventsOptions>, EventsOptionsRules>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SenderAuthenticator>();
        services.TryAddSingleton(sp => new EventInbox(
            sp.GetRequiredService<RelationalStores>().Open(EventInbox.SqliteFileName),
            sp.GetRequiredService<IPatientProtector>()));
        services.TryAddSingleton<EventCounters>();
        services.TryAddSingleton<PatientEventHandler>();
        services.TryAddSingleton<EventProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<EventProcessor>());
        services.TryAddSingleton<EventsMarker>();
        services.TryAddSingleton(sp => new SubscriberStore(sp.GetRequiredService<RelationalStores>().Open(EventInbox.SqliteFileName)));
        services.TryAddSingleton<SubscriberNotifier>();
        services.TryAddSingleton<SubscriberDeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<SubscriberDeliveryWorker>());
        services.AddFhirFeature<SubscriptionEndpoints, SubscriptionCapabilities>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EventsOptions>, SubscriptionRules>());
        if (section.GetSection(nameof(EventsOptions.SubscribeTo)).GetChildren().Any())
        {
            services.TryAddSingleton(sp => new SubscriptionLedger(sp.GetRequiredService<RelationalStores>().Open(EventInbox.SqliteFileName)));
            services.TryAddSingleton<SubscriptionKeeper>();
            services.AddHostedService(sp => sp.GetRequiredService<SubscriptionKeeper>());
        }

        return builder;
    }

    /// <summary>Maps the ingestion route and the operator routes (<c>/ops/events</c>) when <see cref="AddEvents"/> registered the feature.</summary>
    public static WebApplication MapEvents(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<EventsMarker>() is null)
        {
            return app;
        }

        app.MapEventIngestion(app.Services.GetRequiredService<IOptions<EventsOptions>>().Value.IngestionPath);
        app.MapOpsEvents();
        return app;
    }

    /// <summary>Present in the container when the feature is on.</summary>
    internal sealed class EventsMarker;
}
