namespace NcrsGateway.Benchmarks.SideBySide;

/// <summary>The external programs the bench drives (Debian packages wrk and nginx-light; bench/run installs them).</summary>
internal static class Tools
{
    public static string Wrk => Find("wrk");

    public static string Nginx => Find("nginx");

    /// <summary>Null when both are installed, otherwise what to do.</summary>
    public static string? Missing()
    {
        var missing = new[] { "wrk", "nginx" }.Where(t => TryFind(t) is null).ToList();
        return missing.Count == 0 ? null
            : $"{string.Join(" and ", missing)} not found: run `bash bench/run` (it installs them) or `apt-get install -y wrk nginx-light`.";
    }

    private static string Find(string name) => TryFind(name) ?? throw new InvalidOperationException(Missing());

    private static string? TryFind(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Append("/usr/bin").Append("/usr/sbin").Append("/usr/local/bin")
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
