using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NcrsGateway.Core.Diagnostics;
using NcrsGateway.Core.Ports;
using NcrsGateway.Fhir.Endpoints;

namespace NcrsGateway.Operations;

/// <summary>Registers the support lookup (journal, shared copy, <c>/ops</c> API and page).</summary>
public static class OperationsExtensions
{
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<OperationsOptions>()
            .Bind(builder.Configuration.GetSection(OperationsOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OperationsOptions>, OperationsOptionsValidator>());
        builder.Services.TryAddSingleton<SharedJournalQueue>();
        builder.Services.TryAddSingleton(sp => new RequestJournal(
            sp.GetRequiredService<IOptions<OperationsOptions>>(),
            sp.GetService<ISharedRequestTraces>() is { IsConfigured: true } ? sp.GetRequiredService<SharedJournalQueue>() : null));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IRequestObserver, RequestJournal>(sp => sp.GetRequiredService<RequestJournal>()));
        builder.Services.AddHostedService(sp => new SharedJournalWriter(
            sp.GetRequiredService<SharedJournalQueue>(),
            sp.GetService<ISharedRequestTraces>() ?? NoSharedTraces.Instance,
            sp.GetRequiredService<IOptions<OperationsOptions>>(),
            sp.GetRequiredService<ILogger<SharedJournalWriter>>()));
        return builder;
    }

    /// <summary><c>/ops/correlation/{id}</c> and <c>/ops/recent</c> (support role), and the <c>/ops/</c> page.</summary>
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder routes)
    {
        routes.MapOperationsApi();
        routes.MapStaticPages("/ops", typeof(OperationsExtensions).Assembly, "ops/", "index.html", "ops.js", "ops.css", "favicon.svg");
        return routes;
    }

    private sealed class NoSharedTraces : ISharedRequestTraces
    {
        public static readonly NoSharedTraces Instance = new();

        public bool IsConfigured => false;

        public bool IsAvailable => false;

        public Task SaveAsync(string correlationId, byte[] record, TimeSpan retention, bool notable) => Task.CompletedTask;

        public Task<IReadOnlyList<byte[]>> FindAsync(string correlationId) => Task.FromResult<IReadOnlyList<byte[]>>([]);

        public Task<IReadOnlyList<byte[]>> RecentAsync(int count) => Task.FromResult<IReadOnlyList<byte[]>>([]);
    }
}
