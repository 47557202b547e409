namespace NcrsGateway.Adapters.Conformance.BrokenAdapter;

/// <summary>The flaws the probe adapter was registered with.</summary>
internal sealed record ProbeBehaviour(ProbeFlaws Flaws)
{
    public bool Has(ProbeFlaws flaw) => (Flaws & flaw) == flaw;
}
