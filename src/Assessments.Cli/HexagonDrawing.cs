using System.Globalization;
using System.Text;
using Assessments.Interests;

namespace Assessments.Cli;

/// <summary>
/// Draws a RIASEC profile on Holland's hexagon: as text for the terminal, and as a small self-contained SVG file (the six
/// axes, the profile polygon and the scores) for a report.
/// </summary>
internal static class HexagonDrawing
{
    /// <summary>Six lines of text with the areas at the corners of the hexagon, in hexagon order clockwise from R.</summary>
    public static IReadOnlyList<string> Text(IReadOnlyList<double> riasec, Func<char, string> name, IFormatProvider? culture = null)
    {
        string Corner(int k) => string.Create(culture ?? CultureInfo.InvariantCulture, $"{Holland.Letters[k]} {name(Holland.Letters[k])} {riasec[k]:0.00}");
        return
        [
            $"{"",18}{Corner(0)}",
            $"{Corner(5),-30}{Corner(1)}",
            $"{"",14}  ⬡",
            $"{Corner(4),-30}{Corner(2)}",
            $"{"",18}{Corner(3)}",
        ];
    }

    /// <summary>An SVG of the profile; scores are placed between <paramref name="min"/> (centre) and <paramref name="max"/> (corner).</summary>
    public static string Svg(string title, IReadOnlyList<double> riasec, double min, double max, Func<char, string> name, IFormatProvider? culture = null)
    {
        const double centre = 160, radius = 110;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\" height=\"330\" viewBox=\"0 0 320 330\" role=\"img\" aria-labelledby=\"t\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"t\">{Escape(title)}</title>");
        svg.Append("<style>text{font:12px sans-serif;fill:#222}.axis{stroke:#bbb}.frame{fill:none;stroke:#888}.profile{fill:rgba(40,110,180,.35);stroke:#286eb4;stroke-width:2}</style>");
        var frame = new StringBuilder();
        var profile = new StringBuilder();
        for (var k = 0; k < 6; k++)
        {
            // R at the top, then clockwise: I, A, S, E, C.
            var angle = (-90 + (60 * k)) * Math.PI / 180;
            var (x, y) = (centre + (radius * Math.Cos(angle)), centre + (radius * Math.Sin(angle)));
            var fraction = Math.Clamp((riasec[k] - min) / (max - min), 0, 1);
            var (px, py) = (centre + (radius * fraction * Math.Cos(angle)), centre + (radius * fraction * Math.Sin(angle)));
            frame.Append(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#} ");
            profile.Append(CultureInfo.InvariantCulture, $"{px:0.#},{py:0.#} ");
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{centre}\" y1=\"{centre}\" x2=\"{x:0.#}\" y2=\"{y:0.#}\"/>");
            var (lx, ly) = (centre + ((radius + 22) * Math.Cos(angle)), centre + ((radius + 22) * Math.Sin(angle)) + 4);
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{lx:0.#}\" y=\"{ly:0.#}\" text-anchor=\"middle\">{Holland.Letters[k]} {Escape(name(Holland.Letters[k]))} {riasec[k].ToString("0.00", culture ?? CultureInfo.InvariantCulture)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<polygon class=\"frame\" points=\"{frame.ToString().TrimEnd()}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<polygon class=\"profile\" points=\"{profile.ToString().TrimEnd()}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"160\" y=\"322\" text-anchor=\"middle\">{Escape(title)}</text></svg>");
        return svg.ToString();
    }

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
