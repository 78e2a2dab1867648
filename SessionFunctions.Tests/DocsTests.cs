using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SessionFunctions.Tests;

/// <summary>
/// The README stays a front door a newcomer reads in one sitting, and the docs stay one connected set: a file moved or
/// renamed, or a heading reworded, must not leave a reader at a dead link.
/// </summary>
public sealed partial class DocsTests
{
    private const int ReadmeMaxBytes = 12 * 1024;

    [Fact]
    public void The_readme_is_at_most_12_KiB()
    {
        var bytes = new FileInfo(RepositoryRoot.Combine("README.md")).Length;

        Assert.True(bytes <= ReadmeMaxBytes, $"README.md is {bytes} bytes, over {ReadmeMaxBytes}: move detail into docs/.");
    }

    [Fact]
    public void Every_relative_link_in_the_readme_and_docs_points_to_a_file_that_exists()
    {
        var documents = Documents().ToList();
        Assert.Contains(documents, d => d.EndsWith(Path.Combine("docs", "operations.md"), StringComparison.Ordinal));

        var broken = documents.SelectMany(BrokenLinks).ToList();

        Assert.True(broken.Count == 0, "broken links:\n" + string.Join('\n', broken));
    }

    private static IEnumerable<string> Documents() =>
        Directory.GetFiles(RepositoryRoot.Combine("docs"), "*.md").Prepend(RepositoryRoot.Combine("README.md"));

    private static IEnumerable<string> BrokenLinks(string document)
    {
        var name = Path.GetRelativePath(RepositoryRoot.Path, document);
        foreach (var target in LinkTargets(File.ReadAllText(document)))
        {
            if (Uri.TryCreate(target, UriKind.Absolute, out _))
            {
                continue; // http(s) and mailto links leave the repository
            }

            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var file = hash < 0 ? target : target[..hash];
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var path = file.Length == 0 ? document : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document)!, Uri.UnescapeDataString(file)));

            if (!File.Exists(path) && !Directory.Exists(path))
            {
                yield return $"{name}: ({target}) names no file";
            }
            else if (anchor is not null && path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !Anchors(File.ReadAllText(path)).Contains(anchor))
            {
                yield return $"{name}: ({target}) names no heading of {Path.GetRelativePath(RepositoryRoot.Path, path)}";
            }
        }
    }

    /// <summary>The targets of <c>[text](target)</c> links, outside code blocks and code spans.</summary>
    private static IEnumerable<string> LinkTargets(string markdown) =>
        ProseLines(markdown)
            .Select(line => CodeSpan().Replace(line, string.Empty))
            .SelectMany(line => Link().Matches(line))
            .Select(m => m.Groups["target"].Value);

    /// <summary>The anchors GitHub gives the headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered.</summary>
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in ProseLines(markdown))
        {
            var heading = Heading().Match(line);
            if (!heading.Success)
            {
                continue;
            }

            var slug = new StringBuilder();
            foreach (var c in heading.Groups["text"].Value.Trim().ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c is '-' or '_')
                {
                    slug.Append(c);
                }
                else if (c == ' ')
                {
                    slug.Append('-');
                }
            }

            var anchor = slug.ToString();
            var count = seen.GetValueOrDefault(anchor);
            seen[anchor] = count + 1;
            anchors.Add(count == 0 ? anchor : string.Create(CultureInfo.InvariantCulture, $"{anchor}-{count}"));
        }

        return anchors;
    }

    private static IEnumerable<string> ProseLines(string markdown)
    {
        var inFence = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            else if (!inFence)
            {
                yield return line;
            }
        }
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^#{1,6} (?<text>.+)$")]
    private static partial Regex Heading();
}
