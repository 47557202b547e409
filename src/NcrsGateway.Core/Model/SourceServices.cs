namespace NcrsGateway.Core.Model;

/// <summary>Stable names of the upstream services, used in provenance, metrics and audit.</summary>
public static class SourceServices
{
    public const string Pds = "pds";
    public const string Nrl = "nrl";
    public const string DocumentRepository = "document-repository";
    public const string Mns = "mns";
}
