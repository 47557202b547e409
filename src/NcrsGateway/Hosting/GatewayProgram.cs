using Microsoft.Extensions.Options;

namespace NcrsGateway.Hosting;

/// <summary>
/// The entry point both hosts share: build, validate options before the host starts, run. A configuration error is one
/// line per problem on stderr, naming the key, and exit code 1: never a stack trace.
/// </summary>
public static class GatewayProgram
{
    public static async Task<int> RunAsync(Func<WebApplication> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        WebApplication? app = null;
        try
        {
            app = build();
            app.Services.GetService<IStartupValidator>()?.Validate(); // before the host starts, so no framework log prints a stack trace
        }
        catch (Exception e) when (ConfigurationErrors.Describe(e) is { Count: > 0 } errors)
        {
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
            }

            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            return 1;
        }

        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
