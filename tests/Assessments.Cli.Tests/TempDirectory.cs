namespace Assessments.Cli.Tests;

/// <summary>A fresh temporary folder for one test, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string FullName { get; } = Directory.CreateTempSubdirectory("assess-cli-tests-").FullName;

    /// <summary>The path of <paramref name="name"/> inside the folder (the file need not exist).</summary>
    public string PathOf(string name) => Path.Combine(FullName, name);

    /// <summary>Writes <paramref name="content"/> (UTF-8, no BOM) to <paramref name="name"/> and returns its path.</summary>
    public string Write(string name, string content)
    {
        var path = PathOf(name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(FullName, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
