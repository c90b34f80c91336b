using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Assessments.Data;
using Assessments.Localization;
using Assessments.Matching;
using Assessments.Matching.Skills;

namespace Assessments.Cli;

/// <summary>
/// <c>assess skills</c>: the ROME fiches a person's skills open, ranked by transferability, each with the skills that
/// transfer, the gaps (core first) and whether ROME lists the move as a passerelle — from fiches (<c>--from</c>), a job
/// title (<c>--title</c>) or skills portfolios (<c>--responses</c>, JSON Lines of the shipped skills-portfolio).
/// </summary>
internal static class SkillsCommand
{
    public static Command Create(CliStreams io)
    {
        var catalog = CliOptions.Text("--catalog", "The ROME 4.0 folder with its skills files (rome:DIR).", required: true, helpName: "rome:DIR");
        var from = CliOptions.OptionalText("--from", "One or more ROME codes (comma-separated) whose skills count as held.", "CODE[,CODE…]");
        var title = CliOptions.OptionalText("--title", "A job title as the person says it (\"aide soignant\"); its fiche's skills count as held.", "TEXT");
        var responses = CliOptions.OptionalText("--responses", "Skills portfolios, one JSON object per line (instruments/examples/skills-portfolio.responses.jsonl).", "FILE");
        var rejects = CliOptions.OptionalText("--rejects", "With --responses: where to write the portfolios that could not be read, with the code and the reason.", "FILE");
        var profile = CliOptions.OptionalText("--profile", "With --from or --title: the person's interests, R=..,I=..,A=..,S=..,E=..,C=.. on 1–5, to rank on skills and interests together.", "R=X,I=X,…");
        var scores = CliOptions.OptionalText("--scores", "With --responses: the people's interests, a scores CSV as `assess score` writes it for an interests instrument (id, R, I, A, S, E, C); each person found in it is ranked on skills and interests together.", "FILE.csv");
        var weight = CliOptions.Number("--skills-weight", "With --profile or --scores: the weight of transferability (interests get the rest).", 0, 1, 0.5);
        var top = CliOptions.Top(10);
        var language = CliOptions.Language();
        var format = CliOptions.Choice("--format", "The output: a table for people, CSV (one row per transition) or JSON Lines (one object per person).", "table", "table", "csv", "jsonl");
        var output = CliOptions.Out();
        var command = new Command("skills", "Rank the ROME fiches a person's skills open: transferability, the skills that transfer, the gaps, ROME's passerelles beside them.")
        {
            catalog, from, title, responses, rejects, profile, scores, weight, top, language, format, output,
        };
        command.SetAction(parse =>
        {
            var given = new[] { parse.GetValue(from), parse.GetValue(title), parse.GetValue(responses) }.Count(v => v is not null);
            if (given != 1)
            {
                throw new UsageException("give exactly one of --from CODE[,CODE…], --title TEXT or --responses FILE.");
            }

            if (parse.GetValue(rejects) is not null && parse.GetValue(responses) is null)
            {
                throw new UsageException("--rejects goes with --responses FILE.");
            }

            if (parse.GetValue(profile) is not null && parse.GetValue(responses) is not null)
            {
                throw new UsageException("--profile gives one person's interests: use it with --from or --title.");
            }

            if (parse.GetValue(scores) is not null && parse.GetValue(responses) is null)
            {
                throw new UsageException("--scores gives the interests of the people in --responses FILE: use --profile with --from or --title.");
            }

            if (parse.GetValue(profile) is null && parse.GetValue(scores) is null && ScoreCommand.Given(parse, weight))
            {
                throw new UsageException("--skills-weight goes with --profile or --scores.");
            }

            var interests = parse.GetValue(profile) is { } profileText ? MatchCommand.ParseProfile(profileText, 1, 5) : null;
            var skillsWeight = parse.GetValue(weight);
            OutputFile.CheckDistinct([("--responses", parse.GetValue(responses)), ("--scores", parse.GetValue(scores))], [("--out", parse.GetValue(output)), ("--rejects", parse.GetValue(rejects))]);
            var spec = parse.GetValue(catalog)!;
            if (!spec.StartsWith("rome:", StringComparison.Ordinal))
            {
                throw new UsageException($"--catalog takes rome:DIR, the ROME 4.0 folder; found '{spec}'.");
            }

            var rome = MatchCommand.LoadCatalog(spec, null);
            if (rome.Skills is null)
            {
                throw new InputFileException($"{spec[5..]}: the ROME folder has no skills files ({string.Join(" ", rome.Notes)}).");
            }

            var matcher = new TransitionMatcher(rome, new TransitionOptions { Top = parse.GetValue(top) });
            var people = new List<Person>();
            long read = 0, rejected = 0;
            if (parse.GetValue(from) is { } codes)
            {
                var list = codes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (list.FirstOrDefault(c => rome.Skills.Of(c) is null) is { } unknown)
                {
                    throw new UsageException($"--from: {unknown} is not a fiche of {rome.Name}.");
                }

                people.Add(Ranked(matcher, rome, list, interests, skillsWeight));
            }
            else if (parse.GetValue(title) is { } text)
            {
                if (rome.JobTitles?.Search(text, top: 1) is not [var hit])
                {
                    throw new InputFileException($"--title: no ROME job title matches; check the spelling or use --from with the fiche's code.");
                }

                io.Error.WriteLine($"note: the title is read as '{hit.Title.Label}' ({hit.Title.OccupationCode})");
                people.Add(Ranked(matcher, rome, [hit.Title.OccupationCode], interests, skillsWeight));
            }
            else
            {
                var path = parse.GetValue(responses)!;
                ScoreCommand.RequireFile(path);
                var profiles = parse.GetValue(scores) is { } scoresPath ? ReadProfiles(scoresPath, io.Error) : null;
                long withInterests = 0;
                var instrument = SkillsKind.LoadShipped(rome);
                using var rejected0 = parse.GetValue(rejects) is { } r ? OutputFile.Open(r, io.Out) : null;
                var summary = SkillsScoreRun.Run(instrument, path, null, ScoreFormat.Csv, rejected0?.Writer, result =>
                {
                    var sources = result.Experiences.Select(e => e.OccupationCode).Distinct(StringComparer.Ordinal).ToArray();
                    if (profiles is not null && profiles.TryGetValue(result.RespondentId ?? "", out var person))
                    {
                        withInterests++;
                        var combined = matcher.RankWithInterests([.. result.Portfolio.Where(s => s.Held).Select(s => s.Skill.Code)], sources, person, skillsWeight);
                        people.Add(new Person(result.RespondentId ?? "", sources, [.. combined.Select(c => c.Transition)], Assumed: false)
                        {
                            Combined = [.. combined.Select(c => (c.InterestFit, c.Score))],
                        });
                    }
                    else
                    {
                        people.Add(new Person(result.RespondentId ?? "", sources, matcher.FromPortfolio(result), Assumed: false));
                    }
                });
                if (profiles is not null)
                {
                    io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"interests: {withInterests} of {summary.Scored} portfolio(s) ranked with the interests of --scores; the others on skills alone (no row with their id)"));
                }

                if (summary.Read == 0)
                {
                    throw new InputFileException($"{path}: the file holds no portfolio (every line is blank).");
                }

                OutputFile.CommitAll(rejected0);
                (read, rejected) = (summary.Read, summary.Rejected);
            }

            using var output0 = OutputFile.Open(parse.GetValue(output), io.Out);
            Write(output0.Writer, parse.GetValue(format)!, parse.GetValue(language)!, rome, people);
            OutputFile.CommitAll(output0);
            if (read > 0)
            {
                io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{rome.Name}: portfolios read {read}, ranked {read - rejected}, rejected {rejected}{(rejected > 0 && parse.GetValue(rejects) is null ? " (pass --rejects FILE to keep them)" : "")}"));
            }

            return rejected > 0 ? ExitCodes.SomeRejected : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The interest profiles of a scores CSV by respondent id; a row with a problem or a repeated id stops the run, named by its line.</summary>
    private static Dictionary<string, Matching.InterestProfile> ReadProfiles(string path, TextWriter log)
    {
        ScoreCommand.RequireFile(path);
        var profiles = new Dictionary<string, Matching.InterestProfile>(StringComparer.Ordinal);
        foreach (var row in InterestProfileCsv.Read(path, null, null, 1, 5, log))
        {
            if (row.Profile is not { } profile)
            {
                throw new InputFileException(string.Create(CultureInfo.InvariantCulture, $"{path}: line {row.Line}: {row.Problem}"));
            }

            if (!profiles.TryAdd(row.RespondentId, profile))
            {
                throw new InputFileException(string.Create(CultureInfo.InvariantCulture, $"{path}: line {row.Line} repeats the id of an earlier row; each person's interests must be given once."));
            }
        }

        return profiles;
    }

    private sealed record Person(string Id, IReadOnlyList<string> Sources, IReadOnlyList<Transition> Transitions, bool Assumed)
    {
        /// <summary>With --profile: each transition's interest fit and combined score, in the order of <see cref="Transitions"/>.</summary>
        public IReadOnlyList<(double Fit, double Score)>? Combined { get; init; }
    }

    /// <summary>The fiches' skills taken as held; with interests, ranked on both (each part kept).</summary>
    private static Person Ranked(TransitionMatcher matcher, OccupationCatalog rome, IReadOnlyList<string> codes, Matching.InterestProfile? interests, double skillsWeight)
    {
        if (interests is null)
        {
            return new Person("", codes, matcher.FromOccupations(codes), Assumed: true);
        }

        var held = codes.SelectMany(c => rome.Skills!.Of(c)!.Skills.Select(s => s.Skill.Code)).ToHashSet(StringComparer.Ordinal);
        var combined = matcher.RankWithInterests(held, codes, interests, skillsWeight);
        return new Person("", codes, [.. combined.Select(c => c.Transition)], Assumed: true) { Combined = [.. combined.Select(c => (c.InterestFit, c.Score))] };
    }

    private static void Write(TextWriter writer, string format, string language, OccupationCatalog rome, List<Person> people)
    {
        if (format == "csv")
        {
            writer.WriteLine("respondent,rank,occupation,title,transferability,passerelle,transferable,gaps,coreGaps,interestFit,score");
            foreach (var p in people)
            {
                foreach (var (t, i) in p.Transitions.Select((t, i) => (t, i + 1)))
                {
                    writer.WriteLine(string.Join(",", CsvText.Escape(p.Id, ','), N(i), CsvText.Escape(t.Occupation.Code, ','), CsvText.Escape(t.Occupation.Title("fr"), ','),
                        CsvText.Number(t.Transferability), t.Passerelle ? "true" : "false", N(t.Transferable.Count), N(t.Gaps.Count), N(t.Gaps.Count(g => g.Core == SkillCore.Core)),
                        p.Combined is { } c1 ? CsvText.Number(c1[i - 1].Fit) : "", p.Combined is { } c2 ? CsvText.Number(c2[i - 1].Score) : ""));
                }
            }

            return;
        }

        if (format == "jsonl")
        {
            foreach (var p in people)
            {
                using var stream = new MemoryStream();
                using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    json.WriteStartObject();
                    json.WriteString("respondent", p.Id);
                    json.WriteStartArray("sources");
                    p.Sources.ToList().ForEach(json.WriteStringValue);
                    json.WriteEndArray();
                    json.WriteBoolean("sourceSkillsAssumedHeld", p.Assumed);
                    json.WriteString("catalog", rome.Name);
                    json.WriteStartArray("transitions");
                    foreach (var (t, i) in p.Transitions.Select((t, i) => (t, i + 1)))
                    {
                        json.WriteStartObject();
                        json.WriteNumber("rank", i);
                        json.WriteString("occupation", t.Occupation.Code);
                        json.WriteString("title", t.Occupation.Title("fr"));
                        json.WriteNumber("transferability", t.Transferability);
                        json.WriteBoolean("passerelle", t.Passerelle);
                        if (p.Combined is { } parts)
                        {
                            json.WriteNumber("interestFit", parts[i - 1].Fit);
                            json.WriteNumber("score", parts[i - 1].Score);
                        }

                        json.WriteStartArray("transferable");
                        t.Transferable.ToList().ForEach(s => json.WriteStringValue(s.Skill.Code));
                        json.WriteEndArray();
                        json.WriteStartArray("gaps");
                        foreach (var g in t.Gaps)
                        {
                            json.WriteStartObject();
                            json.WriteString("code", g.Skill.Code);
                            json.WriteString("label", g.Skill.Label);
                            json.WriteString("core", g.Core switch { SkillCore.Core => "core", SkillCore.Emerging => "emerging", _ => "other" });
                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                writer.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
            }

            return;
        }

        var text = TextCatalog.For(language);
        foreach (var p in people)
        {
            var sources = string.Join(", ", p.Sources.Select(c => $"{c} {rome.Find(c)?.Title("fr")}"));
            writer.WriteLine((p.Id.Length > 0 ? p.Id + " — " : "") + text.Format("skills.withinReach", sources));
            if (p.Assumed)
            {
                writer.WriteLine(text["skills.assumedHeld"]);
            }

            if (p.Combined is not null)
            {
                writer.WriteLine(text["skills.rankedOnBoth"]);
            }

            foreach (var (t, i) in p.Transitions.Select((t, i) => (t, i + 1)))
            {
                var interestsPart = p.Combined is { } parts ? text.Format("skills.interestsPart", text.Percent(parts[i - 1].Fit), text.Percent(parts[i - 1].Score)) : "";
                var core = t.Gaps.Where(g => g.Core == SkillCore.Core).ToList();
                writer.WriteLine(text.Format("skills.transition", i, t.Occupation.Code, t.Occupation.Title("fr"), text.Percent(t.Transferability), interestsPart)
                    + (t.Passerelle ? text["skills.passerellePart"] : ""));
                var separator = text["common.listSeparator"];
                writer.WriteLine(text.Format("skills.counts", t.Transferable.Count, t.Gaps.Count, core.Count)
                    + (core.Count > 0 ? text.Format("skills.coreList", string.Join(separator, core.Take(3).Select(g => g.Skill.Label)) + (core.Count > 3 ? separator + "…" : "")) : ""));
            }

            writer.WriteLine();
        }

        writer.WriteLine(rome.AttributionIn(language));
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
