using System.Collections;
using System.Reflection;

namespace NcrsGateway.FunctionalTests.Docs;

/// <summary>
/// Every configuration key the gateway binds, found by reflection: each options type with a <c>SectionName</c>
/// constant in the NcrsGateway assemblies, its public settable properties (nested option objects recursively,
/// dictionaries as <c>Section:Key:{name}</c>, arrays and lists as the key itself), plus the few keys read
/// straight from <c>IConfiguration</c>.
/// </summary>
internal static class BoundConfigurationKeys
{
    /// <summary>
    /// Keys read directly from IConfiguration rather than bound to an options type (grep src and adapters for
    /// <c>Configuration["</c>, <c>GetValue</c> and <c>GetSection</c>), and the framework keys an operator needs.
    /// Update this list when code reads a new key directly.
    /// </summary>
    public static readonly string[] ReadDirectly =
    [
        "Sandbox:Enabled",                // Hosting/SandboxHosting.cs
        "OTEL_EXPORTER_OTLP_ENDPOINT",    // ServiceDefaultsExtensions.cs
        "Telemetry:ConsoleFormat",        // ServiceDefaults/ConsoleFormat.cs
        "Telemetry:Prometheus:Enabled",   // ServiceDefaultsExtensions.cs
        "Telemetry:InstanceName",         // Fhir/FhirEdgeExtensions.cs
        "ASPNETCORE_ENVIRONMENT",         // framework: Development generates audit keys
        "ASPNETCORE_URLS",                // framework: listening addresses
        "Logging:LogLevel:{category}",    // framework: log levels
    ];

    public static IReadOnlyList<string> All() =>
        [.. GatewayAssemblies()
            .SelectMany(LoadableTypes)
            .Select(t => (Type: t, Section: SectionName(t)))
            .Where(x => x.Section is not null)
            .SelectMany(x => KeysOf(x.Type, x.Section!, depth: 0))
            .Concat(ReadDirectly)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)];

    /// <summary>The production assemblies (src/ and adapters/ projects), loaded from the test output.</summary>
    public static IReadOnlyList<Assembly> GatewayAssemblies() =>
        [.. ProductionProjectNames().Select(name => Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, name + ".dll")))];

    /// <summary>Names of every project under src/ and adapters/ (its assembly name is its file name).</summary>
    public static IReadOnlyList<string> ProductionProjectNames() =>
        [.. new[] { "src", "adapters" }
            .SelectMany(folder => RepositoryFiles.SourceFiles(folder, "*.csproj"))
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];

    private static string? SectionName(Type type) =>
        type.GetField("SectionName", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static) is { IsLiteral: true } field
            ? field.GetRawConstantValue() as string
            : null;

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }

    private static IEnumerable<string> KeysOf(Type type, string prefix, int depth)
    {
        if (depth > 5)
        {
            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var key = prefix + ":" + property.Name;
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsDictionary(propertyType))
            {
                yield return key + ":{name}";
            }
            else if (IsNestedOptions(propertyType))
            {
                foreach (var nested in KeysOf(propertyType, key, depth + 1))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return key;
            }
        }
    }

    private static bool IsDictionary(Type type) =>
        type.IsGenericType && type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));

    private static bool IsNestedOptions(Type type) =>
        type.IsClass && type != typeof(string) && type != typeof(Uri) && !typeof(IEnumerable).IsAssignableFrom(type)
        && type.Namespace?.StartsWith("NcrsGateway", StringComparison.Ordinal) == true;
}
