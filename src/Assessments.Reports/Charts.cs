using System.Globalization;
using System.Text;

namespace Assessments.Reports;

/// <summary>
/// The report's SVG charts, drawn from the numbers alone (no library, no script). Every chart is an <c>img</c>-role
/// element with a title and a description that state its numbers, so a screen reader and a printed page say the same.
/// Geometry (tests check it): the hexagon's centre is (160, 160), area k sits at angle −90° + 60°·k (R at the top, then
/// I, A, S, E, C clockwise) and a score s on 1–5 at radius 120 · (s − 1) / 4; a dichotomy's marker is at
/// x = 200 + 150 · clarity; a value's bar is 260 · score wide; an Ikigai candidate sits at (200, 180) + 1.6 · Σ (mᵢ − m̄) · (centreᵢ − (200, 180)) over
/// the four circle centres (love (200, 110), good at (130, 180), needs (270, 180), paid (200, 250)).
/// </summary>
internal static class Charts
{
    public const double HexCentre = 160;
    public const double HexRadius = 120;

    public static readonly (double X, double Y)[] CircleCentres = [(200, 110), (130, 180), (270, 180), (200, 250)];

    public static (double X, double Y) HexPoint(int area, double score)
    {
        var angle = (-90 + (60 * area)) * Math.PI / 180;
        var radius = HexRadius * (Math.Clamp(score, 1, 5) - 1) / 4;
        return (HexCentre + (radius * Math.Cos(angle)), HexCentre + (radius * Math.Sin(angle)));
    }

    /// <summary>How far a candidate moves toward a circle per unit of membership above its own mean.</summary>
    public const double IkigaiSpread = 1.6;

    public static (double X, double Y) IkigaiPoint(IkigaiCandidateSummary c)
    {
        // From the centre (200, 180) toward each circle's centre in proportion to how far its membership is above the
        // candidate's mean membership: equal memberships stay in the middle (all four circles), a strong "love" and weak
        // "paid" move up, and so on.
        double[] m = [c.Love, c.GoodAt, c.Needs, c.Paid];
        var mean = m.Average();
        return (200 + (IkigaiSpread * m.Select((w, i) => (w - mean) * (CircleCentres[i].X - 200)).Sum()),
            180 + (IkigaiSpread * m.Select((w, i) => (w - mean) * (CircleCentres[i].Y - 180)).Sum()));
    }

    public static string Hexagon(InterestsSummary interests, ReportText text)
    {
        var names = text.AreaNames;
        var description = string.Join(text.Catalog["common.listSeparator"], names.Select((n, k) => $"{n} {text.Number(interests.Areas[k])}"));
        var svg = Open(320, 320, text.HexagonTitle(interests.Code), description);
        for (var ring = 1; ring <= 4; ring++)
        {
            svg.Append("<polygon class=\"grid\" points=\"").Append(string.Join(" ", Enumerable.Range(0, 6).Select(k => P(HexPoint(k, 1 + ring))))).Append("\" />");
        }

        svg.Append("<polygon class=\"person\" points=\"").Append(string.Join(" ", Enumerable.Range(0, 6).Select(k => P(HexPoint(k, interests.Areas[k]))))).Append("\" />");
        for (var k = 0; k < 6; k++)
        {
            var (x, y) = HexPoint(k, interests.Areas[k]);
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"vertex\" data-area=\"{"RIASEC"[k]}\" cx=\"{F2(x)}\" cy=\"{F2(y)}\" r=\"3\" />");
            var (lx, ly) = HexPoint(k, 5.9);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F2(lx)}\" y=\"{F2(ly + 4)}\" text-anchor=\"middle\">{"RIASEC"[k]} {text.Number(interests.Areas[k])}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    public static string Dichotomies(TypeSummary type, ReportText text)
    {
        var rows = type.Dichotomies;
        var description = string.Join(text.Catalog["common.listSeparator"], rows.Select(d => text.Catalog.Format("report.scaleLine", d.Scale, $"{d.Letter} {(d.Clarity is { } c ? text.Number(c) : "—")}")));
        var svg = Open(400, 40 + (rows.Count * 40), text.DichotomiesTitle(type.Type), description);
        for (var i = 0; i < rows.Count; i++)
        {
            var d = rows[i];
            var y = 30 + (i * 40);
            var (low, high) = Poles(d);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"50\" y1=\"{y}\" x2=\"350\" y2=\"{y}\" />");
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"200\" y1=\"{y - 8}\" x2=\"200\" y2=\"{y + 8}\" />");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"30\" y=\"{y + 4}\" text-anchor=\"middle\">{Html.Escape(low)}</text><text x=\"370\" y=\"{y + 4}\" text-anchor=\"middle\">{Html.Escape(high)}</text>");
            if (d.Clarity is { } clarity)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"marker\" data-scale=\"{Html.Escape(d.Scale)}\" cx=\"{F2(200 + (150 * clarity))}\" cy=\"{y}\" r=\"6\" />");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// The dichotomy's low and high poles. Results give the letter and a signed clarity (negative toward the low pole), not
    /// the poles: the letter is the high pole when the clarity is positive and the low pole when it is negative; the other
    /// pole is the scale id's other letter. At the midpoint the scale id's order is used.
    /// </summary>
    public static (string Low, string High) Poles(TypeLetter d)
    {
        if (d.Scale.Length != 2)
        {
            return ("−", "+");
        }

        var other = d.Letter == d.Scale[0] ? d.Scale[1] : d.Scale[0];
        return d.Clarity switch
        {
            > 0 when d.Letter != 'X' => (other.ToString(), d.Letter.ToString()),
            < 0 when d.Letter != 'X' => (d.Letter.ToString(), other.ToString()),
            _ => (d.Scale[0].ToString(), d.Scale[1].ToString()),
        };
    }

    /// <summary>Room for a bar's label: labels wrap at word boundaries to this width (an estimate of 7 px a character at 12 px).</summary>
    public const double LabelWidth = 196;

    public static string ValueBars(IReadOnlyList<(string Label, double Score)> values, ReportText text)
    {
        var lines = values.Select(v => Wrap(v.Label, LabelWidth)).ToArray();
        var heights = lines.Select(l => Math.Max(26, (l.Count * 14) + 8)).ToArray();
        var svg = Open(480, 20 + heights.Sum(), text.ValuesTitle,
            string.Join(text.Catalog["common.listSeparator"], values.Select(v => $"{v.Label} {text.Number(v.Score)}")));
        var top = 10;
        for (var i = 0; i < values.Count; i++)
        {
            var y = top + ((heights[i] - 26) / 2);
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"210\" y=\"{y}\" width=\"{F2(260 * values[i].Score)}\" height=\"18\" />");
            Label(svg, 204, y + 13 - ((lines[i].Count - 1) * 7), "end", lines[i], null);
            top += heights[i];
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A label as an SVG text of one or more lines (tspans 14 px apart), its first line's baseline at <paramref name="y"/>.</summary>
    private static void Label(StringBuilder svg, double x, double y, string anchor, List<string> lines, string? cssClass)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F2(x)}\" y=\"{F2(y)}\" text-anchor=\"{anchor}\"{(cssClass is null ? "" : $" class=\"{cssClass}\"")}>");
        for (var i = 0; i < lines.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<tspan x=\"{F2(x)}\" dy=\"{(i == 0 ? 0 : 14)}\">{Html.Escape(lines[i])}</tspan>");
        }

        svg.Append("</text>");
    }

    /// <summary>
    /// Words into lines no wider than <paramref name="width"/> px, estimated at 7 px a character for 12 px text (wider than the
    /// average of common sans-serif faces, so a line rarely runs over; the browser test measures the real boxes). A word
    /// longer than a line stays whole on its own line.
    /// </summary>
    internal static List<string> Wrap(string text, double width)
    {
        var max = Math.Max(1, (int)(width / 7));
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > max)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    public static string IkigaiCircles(IReadOnlyList<IkigaiCandidateSummary> candidates, ReportText text)
    {
        var svg = Open(400, 360, text.IkigaiTitle, string.Join(text.Catalog["common.listSeparator"],
            candidates.Select(c => text.Catalog.Format("report.scaleLine", c.Label, text.Region(c)))), minX: -70, widthOverride: 540, minY: -10, heightOverride: 390);
        string[] classes = ["love", "good-at", "needs", "paid"];
        for (var i = 0; i < 4; i++)
        {
            var (cx, cy) = CircleCentres[i];
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"circle {classes[i]}\" cx=\"{cx}\" cy=\"{cy}\" r=\"95\" />");
            // Each circle's name outside it, in the chart's margins: above love, below paid, left of good at, right of needs
            // (those two wrapped to 80 px of their 90 px margin).
            var name = Wrap(text.CircleNames[i], i is 1 or 2 ? 80 : 260);
            var (lx, ly, anchor) = i switch
            {
                0 => (cx, cy - 101 - ((name.Count - 1) * 14), "middle"),
                3 => (cx, cy + 110, "middle"),
                1 => (cx - 99, cy + 4 - ((name.Count - 1) * 7), "end"),
                _ => (cx + 99, cy + 4 - ((name.Count - 1) * 7), "start"),
            };
            Label(svg, lx, ly, anchor, name, "circle-label");
        }

        foreach (var c in candidates)
        {
            var (x, y) = IkigaiPoint(c);
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"candidate\" data-id=\"{Html.Escape(c.Id)}\" cx=\"{F2(x)}\" cy=\"{F2(y)}\" r=\"5\" />");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F2(x)}\" y=\"{F2(y - 8)}\" text-anchor=\"middle\">{c.Rank}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(int width, int height, string title, string description, int minX = 0, int? widthOverride = null, int minY = 0, int? heightOverride = null)
    {
        var id = "c" + StableHash(title + description).ToString("x8", CultureInfo.InvariantCulture); // the same ids on every run
        var (w, h) = (widthOverride ?? width, heightOverride ?? height);
        return new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"{minX} {minY} {w} {h}\" width=\"{w}\" height=\"{h}\" aria-labelledby=\"{id}t {id}d\">" +
            $"<title id=\"{id}t\">{Html.Escape(title)}</title><desc id=\"{id}d\">{Html.Escape(description)}</desc>");
    }

    private static uint StableHash(string text)
    {
        var hash = 2166136261u; // FNV-1a
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }

    private static string P((double X, double Y) p) => F2(p.X) + "," + F2(p.Y);

    internal static string F2(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
