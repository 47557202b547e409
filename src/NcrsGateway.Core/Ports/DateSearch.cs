namespace NcrsGateway.Core.Ports;

/// <summary>A birth-date criterion: FHIR prefix (eq, ge, le) and a full date.</summary>
public sealed record DateSearch(string Prefix, DateOnly Date)
{
    public static readonly IReadOnlyList<string> Prefixes = ["eq", "ge", "le"];

    public override string ToString() => $"{Prefix}{Date:yyyy-MM-dd}";
}
