namespace NcrsGateway.Fhir.Security;

/// <summary>
/// Whether a caller may name its workstation with the <c>X-Workstation-ID</c> header (read by <see cref="ClinicalUser.From"/>).
/// The clinical context's options provide it; with none registered the header is never accepted.
/// </summary>
public interface IWorkstationHeaderOptions
{
    bool? AcceptWorkstationHeader { get; }
}
