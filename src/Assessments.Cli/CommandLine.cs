namespace Assessments.Cli;

/// <summary>A small, strict parser for <c>--name value</c> options and positional arguments.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CommandLine(List<string> positional) => Positional = positional;

    public IReadOnlyList<string> Positional { get; }

    /// <summary>Parses <paramref name="args"/>; <paramref name="valued"/> take a value, <paramref name="flags"/> do not.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags)
    {
        var positional = new List<string>();
        var line = new CommandLine(positional);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                positional.Add(arg);
                continue;
            }

            var name = arg;
            string? inlineValue = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                name = arg[..eq];
                inlineValue = arg[(eq + 1)..];
            }

            if (flags.Contains(name) && inlineValue is null)
            {
                line._flags.Add(name);
            }
            else if (valued.Contains(name))
            {
                var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"The option {name} needs a value."));
                if (!line._options.TryAdd(name, value))
                {
                    throw new UsageException($"The option {name} is given twice.");
                }
            }
            else
            {
                var known = valued.Concat(flags).Order(StringComparer.Ordinal);
                throw new UsageException($"Unknown option '{name}'. Options here: {string.Join(", ", known)}.");
            }
        }

        return line;
    }

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public string Require(string name) => Get(name) ?? throw new UsageException($"The option {name} is required.");

    public bool Has(string name) => _flags.Contains(name);

    public string Choice(string name, string fallback, params string[] allowed)
    {
        var value = Get(name) ?? fallback;
        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new UsageException($"{name} must be one of {string.Join(", ", allowed)}; found '{value}'.");
    }
}
