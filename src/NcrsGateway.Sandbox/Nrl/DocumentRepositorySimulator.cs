using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace NcrsGateway.Sandbox.Nrl;

/// <summary>
/// A provider document repository that NRL pointers in the sandbox point at: a PDF, a FHIR document
/// Bundle and a 5 MiB PDF (see <see cref="SandboxDocuments"/>).
/// </summary>
public static class DocumentRepositorySimulator
{
    public const string BasePath = "/documents/";

    public static void Register(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        Serve(server, SandboxDocuments.PdfPath, SandboxDocuments.PdfContentType, SandboxDocuments.Pdf);
        Serve(server, SandboxDocuments.BundlePath, SandboxDocuments.BundleContentType, SandboxDocuments.Bundle);
        Serve(server, SandboxDocuments.LargePdfPath, SandboxDocuments.LargePdfContentType, SandboxDocuments.LargePdf);
    }

    private static void Serve(WireMockServer server, string path, string contentType, byte[] body) =>
        server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create()
                .WithStatusCode(200)
                .WithHeader("Content-Type", contentType)
                .WithHeader("ETag", "\"" + SandboxDocuments.Sha256(body)[..16] + "\"")
                .WithBody(body));
}
