using System.Runtime.InteropServices;

namespace Assessments.Cli;

internal static class Program
{
    private static readonly List<PosixSignalRegistration> Interrupts = [];

    private static int Main(string[] args)
    {
        // Ctrl+C or a polite kill: remove the unfinished output's temporary file, then let the signal end the process.
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            try
            {
                Interrupts.Add(PosixSignalRegistration.Create(signal, _ => OutputFile.DeleteUnfinished()));
            }
            catch (PlatformNotSupportedException)
            {
                // not every signal exists on every system
            }
        }

        return AssessCli.Run(args, Console.Out, Console.Error);
    }
}
