using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace NcrsGateway.ServiceDefaults;

/// <summary>
/// The console log's format, <c>Telemetry:ConsoleFormat</c>: <c>simple</c> (one readable line per record, for a
/// developer's console; the default in Development and in the sandbox host) or <c>json</c> (one JSON object per line, for
/// log shippers; the default everywhere else). Either way the records are the same, redacted at their source.
/// </summary>
public static class ConsoleFormat
{
    public const string Key = "Telemetry:ConsoleFormat";
    public const string Simple = "simple";
    public const string Json = "json";

    public static void Apply(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var format = Of(builder.Configuration[Key], builder.Environment.IsDevelopment());
        // Configures the console provider the host already has (a host that removed it, as tests do, stays without one).
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = format == Simple ? ConsoleFormatterNames.Simple : ConsoleFormatterNames.Json);
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
            o.UseUtcTimestamp = true;
        });
    }

    /// <summary>The configured format, or the environment's default; anything else stops start-up with a clear message.</summary>
    public static string Of(string? configured, bool development) => configured?.Trim().ToLowerInvariant() switch
    {
        null or "" => development ? Simple : Json,
        Simple => Simple,
        Json => Json,
        _ => throw new InvalidOperationException($"{Key} must be '{Simple}' or '{Json}'."),
    };
}
