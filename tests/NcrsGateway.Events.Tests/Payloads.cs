namespace NcrsGateway.Events.Tests;

/// <summary>The test payloads in <c>Payloads/</c> (see its README), as bytes.</summary>
internal static class Payloads
{
    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", name));
}
