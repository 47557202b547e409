using System.Text;
using System.Text.RegularExpressions;

namespace NcrsGateway.FunctionalTests.Docs;

/// <summary>The README stays short, and every relative link in it and in docs/ points at a file that exists.</summary>
public sealed partial class DocumentationLinkTests
{
    [Fact]
    public void Readme_IsAtMost8KB()
    {
        var bytes = Encoding.UTF8.GetByteCount(RepositoryFiles.Read("README.md").ReplaceLineEndings("\n"));

        Assert.True(bytes <= 8192, $"README.md is {bytes} bytes; move detail into docs/ (limit 8192).");
    }

    [Fact]
    public void EveryRelativeLink_InReadmeAndDocs_ResolvesToAFile()
    {
        var pages = RepositoryFiles.SourceFiles("docs", "*.md").Prepend(RepositoryFiles.PathOf("README.md")).ToList();

        var broken = (
            from page in pages
            from Match link in MarkdownLink().Matches(File.ReadAllText(page))
            let target = link.Groups["target"].Value.Split('#')[0]
            where target.Length > 0 && !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal)
            let resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(target)))
            where !File.Exists(resolved) && !Directory.Exists(resolved)
            select $"{Path.GetRelativePath(RepositoryFiles.Root, page)} → {target}").ToList();

        Assert.True(pages.Count > 5, "Expected README.md and the docs/ pages.");
        Assert.True(broken.Count == 0, "Broken relative links: " + string.Join(", ", broken));
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();
}
