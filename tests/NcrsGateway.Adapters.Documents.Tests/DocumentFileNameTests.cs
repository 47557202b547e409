using System.Net.Http.Headers;

namespace NcrsGateway.Adapters.Documents.Tests;

public sealed class DocumentFileNameTests
{
    private const string PointerId = "RX898-1234";

    [Theory]
    [InlineData(null, "application/pdf", PointerId + ".pdf")]
    [InlineData("attachment; filename=\"../../etc/cron.d/discharge summary;.exe\"", "application/pdf", "discharge summary.pdf")]
    [InlineData("inline; filename=\"C:\\\\Windows\\\\System32\\\\letter.html\"", "application/pdf", "letter.pdf")]
    [InlineData("attachment; filename*=UTF-8''..%2F..%2Fsecret%0D%0A%22plan%22.html", "application/pdf", "secretplan.pdf")]
    [InlineData("attachment; filename*=UTF-8''Lettre%20de%20sortie%20%C3%A9t%C3%A9.pdf", "application/pdf", "Lettre de sortie été.pdf")]
    [InlineData("attachment; filename=\"....\"", "text/plain", PointerId + ".txt")]
    [InlineData("attachment; filename=\"report.pdf\"", "application/x-unknown", "report")]
    public void For_RepositoryName_KeepsOnlyASafeStemAndTakesTheExtensionFromTheContentType(string? disposition, string mediaType, string expected)
    {
        var upstream = disposition is null ? null : ContentDispositionHeaderValue.Parse(disposition);

        Assert.Equal(expected, DocumentFileName.For(PointerId, upstream, mediaType));
    }

    [Fact]
    public void For_VeryLongRepositoryName_IsCutToTheMaximumStem()
    {
        var upstream = ContentDispositionHeaderValue.Parse($"attachment; filename=\"{new string('a', 300)}.pdf\"");

        Assert.Equal(new string('a', DocumentFileName.MaxStemLength) + ".pdf", DocumentFileName.For(PointerId, upstream, "application/pdf"));
    }

    [Fact]
    public void AttachmentHeader_NonAsciiName_HasAnAsciiFallbackAndTheExactNameEncoded()
    {
        var header = DocumentFileName.AttachmentHeader("Lettre été.pdf");

        Assert.Equal("attachment; filename=\"Lettre _t_.pdf\"; filename*=UTF-8''Lettre%20%C3%A9t%C3%A9.pdf", header);
    }
}
