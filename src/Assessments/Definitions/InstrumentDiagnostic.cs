using System.Globalization;

namespace Assessments.Definitions;

/// <summary>
/// One problem found while loading an instrument definition: where it is (file, JSON path, line, column)
/// and what to do about it, in a sentence a person can act on.
/// </summary>
/// <param name="Source">The file path, or <c>&lt;string&gt;</c> / <c>&lt;stream&gt;</c> when the definition did not come from a file.</param>
/// <param name="Path">The JSON path of the offending value, e.g. <c>$.scales[0].items[2]</c>; <c>$</c> for the whole document.</param>
/// <param name="Line">1-based line of the offending value (or property name); 0 when unknown.</param>
/// <param name="Column">1-based column, counted in characters; 0 when unknown.</param>
/// <param name="Code">A stable, machine-readable code such as <c>unknown-property</c>.</param>
/// <param name="Reason">What is wrong and what to do, in plain language (the name every problem record uses).</param>
public sealed record InstrumentDiagnostic(string Source, string Path, int Line, int Column, string Code, string Reason)
{
    /// <summary>Formats the diagnostic as <c>file(line,column): path: message [code]</c>, the shape compilers use so editors can jump to it.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Source}({Line},{Column}): {Path}: {Reason} [{Code}]");
}
