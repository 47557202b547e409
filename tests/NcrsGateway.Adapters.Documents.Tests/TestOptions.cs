using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NcrsGateway.Adapters.Documents.Tests;

internal static class TestOptions
{
    public static IOptionsMonitor<DocumentsOptions> Monitor(Action<DocumentsOptions> configure) =>
        new ServiceCollection().AddOptions().Configure(configure).BuildServiceProvider().GetRequiredService<IOptionsMonitor<DocumentsOptions>>();
}
