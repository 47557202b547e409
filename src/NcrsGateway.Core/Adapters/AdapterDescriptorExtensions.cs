namespace NcrsGateway.Core.Adapters;

public static class AdapterDescriptorExtensions
{
    /// <summary>Whether an adapter implementing <typeparamref name="TPort"/> is registered (so configured).</summary>
    public static bool Serve<TPort>(this IEnumerable<AdapterDescriptor> descriptors) =>
        descriptors.Any(d => d.Port == typeof(TPort));
}
