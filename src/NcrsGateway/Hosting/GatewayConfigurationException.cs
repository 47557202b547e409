namespace NcrsGateway.Hosting;

/// <summary>
/// Start refused because of the configuration: each error names the key and what to do. <c>Program.cs</c> prints
/// one line per error (no stack trace) and exits with code 1.
/// </summary>
public sealed class GatewayConfigurationException : Exception
{
    public GatewayConfigurationException()
        : this([])
    {
    }

    public GatewayConfigurationException(string message)
        : this([message])
    {
    }

    public GatewayConfigurationException(string message, Exception innerException)
        : base(message, innerException) => Errors = [message];

    public GatewayConfigurationException(IReadOnlyList<string> errors)
        : base(string.Join(" ", errors)) => Errors = errors;

    /// <summary>One sentence per error, each naming the configuration key.</summary>
    public IReadOnlyList<string> Errors { get; }
}
