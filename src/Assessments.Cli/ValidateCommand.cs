using System.CommandLine;
using Assessments.Definitions;

namespace Assessments.Cli;

/// <summary><c>assess validate FILE...</c>: loads each instrument definition strictly and prints every problem found.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliStreams io)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Instrument definition files (JSON).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("validate", "Check instrument definitions; print every problem with its file, line, column and JSON path.") { files };
        command.SetAction(parse => Run(parse.GetValue(files) ?? [], io));
        return command;
    }

    private static int Run(string[] paths, CliStreams io)
    {
        var exit = ExitCodes.Success;
        foreach (var path in paths)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new UsageException("validate takes instrument files; found an empty file name.");
            }

            if (Directory.Exists(path))
            {
                io.Error.WriteLine($"error: {path}: is a folder; validate takes instrument definition files.");
                exit = Math.Max(exit, ExitCodes.InputOutput);
                continue;
            }

            IReadOnlyList<InstrumentDiagnostic> diagnostics;
            Instrument? instrument;
            try
            {
                Instrument.TryLoad(path, out instrument, out diagnostics, new Definitions.InstrumentLoadOptions { Kinds = Scoring.InstrumentKindRegistry.Default.With(new Matching.Skills.SkillsKind()) });
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                io.Error.WriteLine($"error: {path}: cannot be read: {ex.Message}");
                exit = Math.Max(exit, ExitCodes.InputOutput);
                continue;
            }

            if (instrument is not null)
            {
                io.Out.WriteLine($"{path}: valid — {instrument.Reference}, kind {instrument.Kind}, {instrument.Items.Count} items, {instrument.Scales.Count} scales, fingerprint {instrument.Fingerprint}");
                continue;
            }

            foreach (var d in diagnostics)
            {
                io.Out.WriteLine("error: " + d);
            }

            io.Out.WriteLine($"{path}: invalid — {diagnostics.Count} problem(s)");
            exit = Math.Max(exit, ExitCodes.InvalidInstrument);
        }

        return exit;
    }
}
