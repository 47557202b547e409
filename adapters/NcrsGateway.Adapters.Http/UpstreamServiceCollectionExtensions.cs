using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NcrsGateway.Core.Adapters;
using NcrsGateway.Core.Ports;

namespace NcrsGateway.Adapters.Http;

/// <summary>The registration steps every adapter's <c>AddXxxAdapter</c> shares.</summary>
public static class UpstreamServiceCollectionExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> from <paramref name="sectionName"/> (unknown keys are an error), validates it
    /// on start with the generated DataAnnotations validator and the adapter's cross-field rules, and registers
    /// <see cref="TimeProvider.System"/> unless a clock is already registered. A <see cref="UpstreamOptions.BaseUrl"/>
    /// without a trailing '/' gets one, so relative paths resolve under it either way.
    /// </summary>
    /// <typeparam name="TOptions">The adapter's options.</typeparam>
    /// <typeparam name="TValidator">The adapter's <c>[OptionsValidator]</c> partial.</typeparam>
    /// <typeparam name="TRules">The adapter's cross-field rules.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The application configuration.</param>
    /// <param name="sectionName">The adapter's section, e.g. <c>Adapters:Pds</c>.</param>
    public static IServiceCollection AddUpstreamOptions<TOptions, TValidator, TRules>(this IServiceCollection services, IConfiguration configuration, string sectionName)
        where TOptions : UpstreamOptions
        where TValidator : class, IValidateOptions<TOptions>
        where TRules : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TOptions>()
            .Bind(configuration.GetSection(sectionName), o => o.ErrorOnUnknownConfiguration = true)
            .PostConfigure(o => o.BaseUrl = WithTrailingSlash(o.BaseUrl))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TRules>());
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>
    /// As <see cref="AddUpstreamOptions{TOptions, TValidator, TRules}(IServiceCollection, IConfiguration, string)"/> for
    /// <paramref name="descriptor"/>'s section, with its <see cref="AdapterDescriptor.Budget"/> as the default
    /// <see cref="UpstreamOptions.RequestsPerSecond"/> and <see cref="UpstreamOptions.Burst"/> (configuration overrides it).
    /// </summary>
    /// <typeparam name="TOptions">The adapter's options.</typeparam>
    /// <typeparam name="TValidator">The adapter's <c>[OptionsValidator]</c> partial.</typeparam>
    /// <typeparam name="TRules">The adapter's cross-field rules.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The application configuration.</param>
    /// <param name="descriptor">The adapter's descriptor.</param>
    public static IServiceCollection AddUpstreamOptions<TOptions, TValidator, TRules>(this IServiceCollection services, IConfiguration configuration, AdapterDescriptor descriptor)
        where TOptions : UpstreamOptions
        where TValidator : class, IValidateOptions<TOptions>
        where TRules : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (descriptor.Budget is { } budget)
        {
            services.AddOptions<TOptions>().Configure(o => // registered before the binding, so configuration wins
            {
                o.RequestsPerSecond = budget.RequestsPerSecond;
                o.Burst = budget.Burst;
            });
        }

        return services.AddUpstreamOptions<TOptions, TValidator, TRules>(configuration, descriptor.ConfigurationSection);
    }

    /// <summary>
    /// Registers the default keyed <see cref="IUpstreamTokenProvider"/> under <paramref name="key"/>: a
    /// <see cref="StaticAccessTokenProvider"/> reading <see cref="UpstreamOptions.AccessToken"/>. A provider registered
    /// under the same key before (a deployment's signed-JWT flow) wins.
    /// </summary>
    /// <typeparam name="TOptions">The adapter's options.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="key">The adapter's key, e.g. <c>pds</c>.</param>
    public static IServiceCollection AddStaticAccessToken<TOptions>(this IServiceCollection services, string key)
        where TOptions : UpstreamOptions
    {
        services.TryAddKeyedSingleton<IUpstreamTokenProvider>(key, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<TOptions>>();
            return new StaticAccessTokenProvider(() => options.CurrentValue.AccessToken);
        });
        return services;
    }

    /// <summary>Appends '/' to an absolute URL's path when missing (an unset or relative URL is left for validation).</summary>
    /// <param name="url">The configured base URL.</param>
    public static Uri? WithTrailingSlash(Uri? url) =>
        url is { IsAbsoluteUri: true } && !url.AbsolutePath.EndsWith('/') && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment)
            ? new UriBuilder(url) { Path = url.AbsolutePath + "/" }.Uri
            : url;

    /// <summary>
    /// Registers the adapter's typed client at <see cref="UpstreamOptions.BaseUrl"/> with the default HTTP loggers removed
    /// (they log request URLs, which can contain NHS numbers) and the standard resilience handler, which owns all timeouts.
    /// Every attempt reads the whole body (at most <see cref="UpstreamOptions.MaxResponseBodyBytes"/>) inside the timeouts and
    /// breaker, and an upstream's Retry-After is remembered: no call goes to it before it passes. Every attempt takes a
    /// token from the upstream's request budget (<see cref="UpstreamOptions.RequestsPerSecond"/>, shared through the
    /// registered <see cref="ISharedRequestBudget"/> when there is one), waiting at most <see cref="UpstreamOptions.MaxBudgetWait"/>.
    /// The primary handler keeps no cookies: its connection pool is shared by every caller of every organisation, so a
    /// cookie one caller's response set must never be sent on another caller's request. It never re-sends a request
    /// on its own when a connection closes before an answer (<see cref="UpstreamConnectionStream"/>). It follows no
    /// redirect (<see cref="UpstreamRedirects"/>, applied after every other configuration): a 3xx is <c>upstream-error</c>.
    /// </summary>
    /// <typeparam name="TClient">The Core port the client implements.</typeparam>
    /// <typeparam name="TImplementation">The adapter's client.</typeparam>
    /// <typeparam name="TOptions">The adapter's options.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configureResilience">Applies the options to the handler, normally the adapter's <c>XxxResilience.Configure</c>.</param>
    public static IServiceCollection AddUpstreamHttpClient<TClient, TImplementation, TOptions>(
        this IServiceCollection services, Action<HttpStandardResilienceOptions, TOptions, TimeProvider> configureResilience)
        where TClient : class
        where TImplementation : class, TClient
        where TOptions : UpstreamOptions
    {
        ArgumentNullException.ThrowIfNull(configureResilience);
        var client = services.AddHttpClient<TClient, TImplementation>((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptions<TOptions>>().Value.BaseUrl;
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
            })
            .UseSocketsHttpHandler((handler, _) =>
            {
                handler.UseCookies = false; // no cookie container shared between callers
                handler.PlaintextStreamFilter = UpstreamConnectionStream.Filter; // a request is sent once per attempt
            })
            .RemoveAllLoggers(); // the default handler logs request URLs, which can contain NHS numbers
        var name = client.Name;

        // Last of all the handler configuration (post-configure), so no adapter can turn redirects back on.
        services.PostConfigure<HttpClientFactoryOptions>(name, o => o.HttpMessageHandlerBuilderActions.Add(UpstreamRedirects.Refuse));
        services.AddKeyedSingleton(name, (sp, _) => new UpstreamBackoff(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<TOptions>>().Value.MaxRetryAfterBackoff));

        var bucket = BudgetName(services, name);
        services.AddKeyedSingleton(name, (_, _) => new UpstreamHealth(bucket)); // disposed with the host: leaves the breaker gauge
        services.AddKeyedSingleton(name, (sp, _) =>
        {
            var o = sp.GetRequiredService<IOptions<TOptions>>().Value;
            return new UpstreamBudget(
                bucket,
                new RequestBudget(o.RequestsPerSecond, o.Burst),
                sp.GetRequiredKeyedService<UpstreamBackoff>(name),
                sp.GetService<ISharedRequestBudget>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UpstreamBudget).FullName!));
        });

        // Outermost: readiness learns when a caller last got an answer; an open breaker reports its time left; then the
        // call takes its token from the request budget (or waits for one) before it takes a concurrency permit.
        client.AddHttpMessageHandler(sp => new UpstreamHealthRecorder(sp.GetRequiredKeyedService<UpstreamHealth>(name), sp.GetRequiredService<TimeProvider>()));
        client.AddHttpMessageHandler(sp => new UpstreamBackoffHandler(sp.GetRequiredKeyedService<UpstreamBackoff>(name)));
        client.AddHttpMessageHandler(sp => new UpstreamBudgetHandler(
            sp.GetRequiredKeyedService<UpstreamBudget>(name), sp.GetRequiredService<IOptions<TOptions>>().Value.MaxBudgetWait));
        var pipeline = client.AddStandardResilienceHandler();

        // Per attempt, inside the timeouts and breaker: a retry's token, the pause on 429 / Retry-After, and the whole body.
        client.AddHttpMessageHandler(sp => new UpstreamAttemptBudgetHandler(
                sp.GetRequiredKeyedService<UpstreamBudget>(name),
                sp.GetRequiredKeyedService<UpstreamBackoff>(name),
                sp.GetRequiredService<IOptions<TOptions>>().Value.AttemptTimeout))
            .AddHttpMessageHandler(sp => new UpstreamBodyBufferingHandler(sp.GetRequiredService<IOptions<TOptions>>().Value.MaxResponseBodyBytes));
        services.AddOptions<HttpStandardResilienceOptions>(pipeline.PipelineName)
            .Configure<IOptions<TOptions>, TimeProvider, IServiceProvider>((o, upstream, time, sp) =>
            {
                configureResilience(o, upstream.Value, time);
                var backoff = sp.GetRequiredKeyedService<UpstreamBackoff>(name);
                var health = sp.GetRequiredKeyedService<UpstreamHealth>(name);
                var onOpened = o.CircuitBreaker.OnOpened;
                o.CircuitBreaker.OnOpened = args =>
                {
                    backoff.CircuitOpened(args.BreakDuration);
                    health.BreakerChanged(args.IsManual ? Polly.CircuitBreaker.CircuitState.Isolated : Polly.CircuitBreaker.CircuitState.Open);
                    return onOpened?.Invoke(args) ?? ValueTask.CompletedTask;
                };
                var onHalfOpened = o.CircuitBreaker.OnHalfOpened;
                o.CircuitBreaker.OnHalfOpened = args =>
                {
                    health.BreakerChanged(Polly.CircuitBreaker.CircuitState.HalfOpen);
                    return onHalfOpened?.Invoke(args) ?? ValueTask.CompletedTask;
                };
                var onClosed = o.CircuitBreaker.OnClosed;
                o.CircuitBreaker.OnClosed = args =>
                {
                    health.BreakerChanged(Polly.CircuitBreaker.CircuitState.Closed);
                    return onClosed?.Invoke(args) ?? ValueTask.CompletedTask;
                };
            });
        return services;
    }

    /// <summary>The budget's (shared bucket's) name: the registered descriptor's for this client, else the client's name.</summary>
    private static string BudgetName(IServiceCollection services, string httpClientName) =>
        services.Where(s => s.ServiceType == typeof(AdapterDescriptor) && s.ImplementationInstance is AdapterDescriptor)
            .Select(s => (AdapterDescriptor)s.ImplementationInstance!)
            .FirstOrDefault(d => d.HttpClientName == httpClientName)?.Name ?? httpClientName;
}
