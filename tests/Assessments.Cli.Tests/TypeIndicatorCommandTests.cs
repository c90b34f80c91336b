namespace Assessments.Cli.Tests;

/// <summary><c>assess score</c> and <c>assess demo</c> on the shipped type indicator.</summary>
public sealed class TypeIndicatorCommandTests : IDisposable
{
    private static readonly string Instrument = Path.Combine(TestPaths.Instruments, "type-indicator.json");
    private static readonly string Responses = Path.Combine(TestPaths.Instruments, "examples", "type-indicator.responses.csv");
    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void ScoreWritesTheFourScoresLettersClarityAndType()
    {
        var output = _temp.PathOf("types.csv");
        var result = AssessRunner.Run("score", "--instrument", Instrument, "--responses", Responses, "--out", output);

        Assert.Equal(0, result.ExitCode);
        var lines = AssessRunner.Lines(AssessRunner.ReadNormalized(output));
        Assert.Equal("respondent,EI,SN,TF,JP,type,temperament,EI_score,EI_letter,EI_clarity,SN_score,SN_letter,SN_clarity,TF_score,TF_letter,TF_clarity,JP_score,JP_letter,JP_clarity", lines[0]);
        // t01 (type-indicator.md): EI 36, SN 35, TF 13, JP 34 → ENFP; clarity (36 − 24)/16 = 0.75, (13 − 24)/16 = −0.6875.
        Assert.Equal("t01,36,35,13,34,ENFP,NF,36,E,0.75,35,N,0.6875,13,F,-0.6875,34,P,0.625", lines[1]);
        // t04: TF sums to exactly 24, and the shipped tie rule is X.
        Assert.StartsWith("t04,15,33,24,15,INXJ,", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public void DemoShowsEachTypeWithClarityBarsAndItsDescription()
    {
        var result = AssessRunner.Run("demo", "--instruments", TestPaths.Instruments);

        Assert.Equal(0, result.ExitCode);
        var lines = result.StdoutLines;
        var t01 = Array.IndexOf(lines, "t01  type ENFP  (temperament NF)");
        Assert.True(t01 > 0);
        // 21 cells from −1 to +1: clarity 0.75 puts the marker at cell round(1.75 · 10) = 18 (0-based), the midpoint at 10.
        Assert.Equal("  I ──────────┼───────●── E  E  36 (+0.75, very clear)", lines[t01 + 1]);
        Assert.StartsWith("  People with this preference often thrive on new possibilities", lines[t01 + 5], StringComparison.Ordinal);
        Assert.Contains("t04  type INXJ", lines);
        Assert.Contains("  Undetermined preference (X): explore it in conversation rather than settle it with a score.", lines);
    }
}
