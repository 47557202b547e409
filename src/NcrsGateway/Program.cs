using Microsoft.Extensions.Options;
using NcrsGateway;
using NcrsGateway.Hosting;

// A configuration error is one line per problem on stderr, naming the key, and exit code 1: never a stack trace.
WebApplication? app = null;
try
{
    app = GatewayApp.Build(args);
    app.Services.GetService<IStartupValidator>()?.Validate(); // before the host starts, so no framework log prints a stack trace
}
catch (Exception e) when (ConfigurationErrors.Describe(e) is { Count: > 0 } errors)
{
    foreach (var error in errors)
    {
        await Console.Error.WriteLineAsync(error);
    }

    if (app is not null)
    {
        await app.DisposeAsync();
    }

    return 1;
}

await app.RunAsync();
return 0;
