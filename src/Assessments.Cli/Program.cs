namespace Assessments.Cli;

internal static class Program
{
    private static int Main(string[] args) => AssessCli.Run(args, Console.Out, Console.Error);
}
