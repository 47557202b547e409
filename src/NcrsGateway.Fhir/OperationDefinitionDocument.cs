using System.Reflection;

namespace NcrsGateway.Fhir;

/// <summary>
/// An OperationDefinition a feature publishes: the JSON in <c>profiles/</c>, embedded in the feature's assembly, served
/// anonymously at <c>/fhir/OperationDefinition/{Id}</c> (the URL its CapabilityStatement entry names). Features register
/// theirs as a DI collection (<see cref="FeatureServiceCollectionExtensions.AddOperationDefinition"/>).
/// </summary>
public sealed class OperationDefinitionDocument
{
    private OperationDefinitionDocument(string id, ReadOnlyMemory<byte> json)
    {
        Id = id;
        Json = json;
    }

    /// <summary>The resource id, e.g. <c>Patient-verify</c>.</summary>
    public string Id { get; }

    public ReadOnlyMemory<byte> Json { get; }

    /// <summary>The embedded resource <c>OperationDefinition-{id}.json</c> of <paramref name="assembly"/>.</summary>
    public static OperationDefinitionDocument FromEmbedded(Assembly assembly, string id)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var name = $"OperationDefinition-{id}.json";
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} embeds no {name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return new OperationDefinitionDocument(id, buffer.ToArray());
    }
}
