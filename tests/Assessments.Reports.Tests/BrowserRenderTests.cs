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
            var html = Path.Combine(folder, "report.html");
            File.WriteAllText(html, ReportRenderer.Render(OnePerson.Profile, language), new UTF8Encoding(false));
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

    private static readonly string[] Browsers = ["chromium", "chromium-browser", "google-chrome"];
    private static readonly string[] HeadlessOptions = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars"];

    private static int ReadBigEndian(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];

    private static void Chromium(params string[] arguments)
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
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "Chromium did not finish within two minutes.");
        Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}: {stderr.Result}");
    }

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PageObject();
}
