using Hl7.Fhir.Model;
using NcrsGateway.Core;
using NcrsGateway.Core.Errors;

namespace NcrsGateway.ClinicalContext.Fhir;

/// <summary>
/// Reads an operation's input Parameters. Unknown or repeated parameters are refused, not ignored: a silently
/// dropped input (say, a second NHS number) must never change what the operation does.
/// </summary>
internal sealed class ParametersReader
{
    private readonly Dictionary<string, Parameters.ParameterComponent> _byName = new(StringComparer.Ordinal);

    public ParametersReader(Parameters parameters, params string[] allowed)
    {
        foreach (var p in parameters.Parameter)
        {
            if (p.Name is null || !allowed.Contains(p.Name, StringComparer.Ordinal))
            {
                throw Invalid($"The parameter '{p.Name}' is not supported here; expected {string.Join(", ", allowed)}.");
            }

            if (!_byName.TryAdd(p.Name, p))
            {
                throw Invalid($"Give '{p.Name}' once.");
            }
        }
    }

    public Parameters.ParameterComponent? this[string name] => _byName.GetValueOrDefault(name);

    public string? String(string name, int maxLength) => this[name]?.Value switch
    {
        null => this[name] is null ? null : throw Invalid($"'{name}' needs a value."),
        FhirString s => Limit(name, s.Value, maxLength),
        Code c => Limit(name, c.Value, maxLength),
        Id i => Limit(name, i.Value, maxLength),
        Identifier id => Limit(name, id.Value, maxLength),
        _ => throw Invalid($"'{name}' must be a string."),
    };

    public bool? Boolean(string name) => this[name]?.Value switch
    {
        null => this[name] is null ? null : throw Invalid($"'{name}' needs a value."),
        FhirBoolean b => b.Value,
        _ => throw Invalid($"'{name}' must be valueBoolean."),
    };

    /// <summary>An NHS number given as valueIdentifier (system https://fhir.nhs.uk/Id/nhs-number) or valueString.</summary>
    public NhsNumber? NhsNumber(string name)
    {
        var value = this[name]?.Value;
        var text = value switch
        {
            null => null,
            Identifier id when id.System is null or Core.NhsNumber.System => id.Value,
            Identifier => throw Invalid($"'{name}' must use the system {Core.NhsNumber.System}."),
            FhirString s => s.Value,
            _ => throw Invalid($"'{name}' must be valueIdentifier or valueString."),
        };
        if (text is null)
        {
            return null;
        }

        return Core.NhsNumber.TryParse(text, out var parsed) ? parsed : throw new GatewayException(GatewayErrors.InvalidNhsNumber);
    }

    private static string? Limit(string name, string? value, int maxLength) =>
        value is { Length: > 0 } v && v.Length > maxLength ? throw Invalid($"'{name}' must be at most {maxLength} characters.") : value;

    private static GatewayException Invalid(string detail) => new(GatewayErrors.InvalidRequest, detail);
}
