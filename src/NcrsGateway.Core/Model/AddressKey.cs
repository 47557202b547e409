namespace NcrsGateway.Core.Model;

/// <summary>A UK Core address key: <paramref name="Type"/> is the UKCore-AddressKeyType code (PAF, UPRN).</summary>
public sealed record AddressKey(string Type, string Value);
