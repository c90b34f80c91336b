using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Assessments.Reports.Tests;

/// <summary>
/// The report as a person receives it: headless Chromium (Debian package <c>chromium</c>; <c>.ci/run</c> installs it
/// when missing) prints it to PDF, as "print to PDF" from a browser would, and takes a screenshot.
/// </summary>
public partial class BrowserRenderTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void ChromiumPrintsTheReportToPagesWithText(string language)
    {
        var folder = Directory.CreateTempSubdirectory("assess-report-").FullName;
        try
        {
            var report = ReportRenderer.Render(OnePerson.Profile, language);
            var problems = Problems(report, folder);
            Assert.True(problems == "OK", problems); // every label inside its chart, nothing wider than an A4 page
            var html = Path.Combine(folder, "report.html");
            File.WriteAllText(html, report, new UTF8Encoding(false));
            var pdf = Path.Combine(folder, "report.pdf");
            var png = Path.Combine(folder, "report.png");
            Chromium($"--print-to-pdf={pdf}", "--no-pdf-header-footer", new Uri(html).AbsoluteUri);
            Chromium($"--screenshot={png}", "--window-size=1000,1400", new Uri(html).AbsoluteUri);

            var bytes = File.ReadAllBytes(pdf);
            Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5), StringComparison.Ordinal);
            var latin = Encoding.Latin1.GetString(bytes);
            var pages = PageObject().Count(latin);
            Assert.InRange(pages, 2, 12); // a multi-section synthesis, printed on A4/Letter pages
            Assert.Contains("/Font", latin, StringComparison.Ordinal); // real text, set in fonts, not an image

            // The screenshot is a PNG whose compressed size shows content: a blank 1000 × 1400 page compresses to a few kB.
            var image = File.ReadAllBytes(png);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], image[..4]);
            Assert.Equal(1000, ReadBigEndian(image, 16));
            Assert.Equal(1400, ReadBigEndian(image, 20));
            Assert.True(image.Length > 40_000, $"The screenshot is {image.Length} bytes: nearly blank.");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Geometry, measured by Chromium's own layout at the width of an A4 page's text (210 mm less the report's 18 mm margins
    /// = 174 mm = 658 CSS px): no element of the report reaches outside the page's text column, no text is wider than the
    /// box that holds it (a table header, say), the page never scrolls sideways, and every SVG text's box lies inside its chart. A script added to a copy of the report (the report itself
    /// runs none) writes what it finds into the page, which Chromium then prints with <c>--dump-dom</c>. The skills section
    /// is checked alone and with every other section, in both languages.
    /// </summary>
    [Theory]
    [InlineData("fr", "m02", false)]
    [InlineData("en", "m02", false)]
    [InlineData("fr", "m01", false)]
    [InlineData("fr", "m02", true)]
    [InlineData("en", "m02", true)]
    public void The_skills_section_fits_an_A4_page_and_prints(string language, string person, bool withEverything)
    {
        var folder = Directory.CreateTempSubdirectory("assess-skills-report-").FullName;
        try
        {
            // withEverything: the portfolio beside the interests, type, values and Ikigai results, ranked on ROME.
            var report = ReportRenderer.Render(SkillsReportTests.Profile(person, withEverything ? OnePerson.Results : null), language);
            var problems = Problems(report, folder);
            Assert.True(problems == "OK", problems);

            var html = Path.Combine(folder, "report.html");
            File.WriteAllText(html, report, new UTF8Encoding(false));
            var pdf = Path.Combine(folder, "report.pdf");
            Chromium($"--print-to-pdf={pdf}", "--no-pdf-header-footer", new Uri(html).AbsoluteUri);
            var latin = Encoding.Latin1.GetString(File.ReadAllBytes(pdf));
            Assert.InRange(PageObject().Count(latin), 3, 22); // portfolio, stories, ten transitions and three targets' plans (and the rest)
            Assert.Contains("/Font", latin, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>What the geometry script finds in <paramref name="report"/> laid out 658 px wide: "OK" or one problem a line.</summary>
    internal static string Problems(string report, string folder)
    {
        var checkedCopy = Path.Combine(folder, "geometry.html");
        File.WriteAllText(checkedCopy, report.Replace("</body>", "<script>" + GeometryScript + "</script></body>", StringComparison.Ordinal), new UTF8Encoding(false));
        // main has 1.5rem (24 px) of padding on each side: a 706 px window leaves it 658 px of text, as an A4 page does.
        var dom = Chromium("--window-size=706,1000", "--dump-dom", new Uri(checkedCopy).AbsoluteUri);
        var match = GeometryResult().Match(dom);
        Assert.True(match.Success, "The geometry script did not run.");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    private const string GeometryScript = """
        (function () {
          var problems = [];
          var main = document.querySelector('main'), mr = main.getBoundingClientRect(), cs = getComputedStyle(main);
          var left = mr.left + parseFloat(cs.paddingLeft) - 0.5, right = mr.right - parseFloat(cs.paddingRight) + 0.5;
          if (document.documentElement.scrollWidth > window.innerWidth) problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + window.innerWidth);
          main.querySelectorAll('*').forEach(function (e) {
            if (e.closest('svg') && e.tagName.toLowerCase() !== 'svg') return;
            var r = e.getBoundingClientRect();
            if (r.width > 0 && (r.right > right || r.left < left)) problems.push('outside the page: <' + e.tagName.toLowerCase() + '> ' + (e.textContent || '').trim().slice(0, 50) + ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + ']');
            if (e.tagName.toLowerCase() !== 'svg' && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1) problems.push('wider than its box: <' + e.tagName.toLowerCase() + '> ' + (e.textContent || '').trim().slice(0, 50) + ' (' + e.scrollWidth + ' > ' + e.clientWidth + ')');
          });
          document.querySelectorAll('svg').forEach(function (svg) {
            var vb = svg.viewBox.baseVal;
            svg.querySelectorAll('text').forEach(function (t) {
              var b = t.getBBox();
              if (b.x < vb.x - 0.5 || b.y < vb.y - 0.5 || b.x + b.width > vb.x + vb.width + 0.5 || b.y + b.height > vb.y + vb.height + 0.5)
                problems.push('outside its chart: "' + t.textContent + '" [' + [b.x, b.y, b.width, b.height].map(Math.round).join(', ') + ']');
            });
          });
          var pre = document.createElement('pre'); pre.id = 'geometry'; pre.textContent = problems.length ? problems.join('\n') : 'OK'; document.body.appendChild(pre);
        })();
        """;

    [GeneratedRegex("<pre id=\"geometry\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex GeometryResult();

    private static readonly string[] Browsers = ["chromium", "chromium-browser", "google-chrome"];
    private static readonly string[] HeadlessOptions = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars"];

    private static int ReadBigEndian(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];

    private static string Chromium(params string[] arguments)
    {
        var executable = Browsers
            .Select(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists))
            .FirstOrDefault(path => path is not null)
            ?? throw new InvalidOperationException("Chromium is not installed: apt-get install chromium (.ci/run does it when missing).");
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in HeadlessOptions.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "Chromium did not finish within two minutes.");
        Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}: {stderr.Result}");
        return stdout;
    }

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PageObject();
}
