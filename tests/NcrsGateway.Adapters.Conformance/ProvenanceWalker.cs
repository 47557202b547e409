using System.Collections;
using System.Reflection;
using NcrsGateway.Core.Model;

namespace NcrsGateway.Adapters.Conformance;

/// <summary>
/// Finds every mapped element in a result: each object of a gateway (<c>NcrsGateway.*</c>) type that declares a
/// <see cref="Provenance"/> property (records, <see cref="Recorded{T}"/> values, pointers, events), however deep,
/// and yields that property's value (null when the adapter left it out).
/// </summary>
public static class ProvenanceWalker
{
    public static IReadOnlyList<Provenance?> Collect(object? result)
    {
        var found = new List<Provenance?>();
        Walk(result, found, new HashSet<object>(ReferenceEqualityComparer.Instance), depth: 0);
        return found;
    }

    private static void Walk(object? node, List<Provenance?> found, HashSet<object> seen, int depth)
    {
        if (node is null or string or Provenance || depth > 32 || node.GetType().IsPrimitive || node.GetType().IsEnum || !seen.Add(node))
        {
            return;
        }

        if (node is IEnumerable items)
        {
            foreach (var item in items)
            {
                Walk(item, found, seen, depth + 1);
            }

            return;
        }

        var type = node.GetType();
        if (type.Namespace?.StartsWith("NcrsGateway", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var value = Read(property, node);
            if (property.PropertyType == typeof(Provenance))
            {
                found.Add(value as Provenance);
            }
            else
            {
                Walk(value, found, seen, depth + 1);
            }
        }
    }

    private static object? Read(PropertyInfo property, object node)
    {
        try
        {
            return property.GetValue(node);
        }
        catch (TargetInvocationException)
        {
            return null; // e.g. Recorded<T>.Value on an absent element
        }
    }
}
