using System.CommandLine;
using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Cli;

/// <summary>An experiment file (or standard input for <c>-</c>), read as bytes and checked as the server would.</summary>
public sealed record ExperimentFile(string Name, byte[] Bytes, ExperimentReadResult Read)
{
    /// <summary>The <c>file</c> argument every command that takes an experiment has.</summary>
    public static Argument<string> Argument() => new("file") { Description = "the experiment JSON file, or - for standard input" };

    public static async Task<ExperimentFile> LoadAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        if (path == "-")
        {
            using var buffer = new MemoryStream();
            await Console.OpenStandardInput().CopyToAsync(buffer, cancellationToken);
            bytes = buffer.ToArray();
        }
        else bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return new(path == "-" ? "standard input" : path, bytes, ExperimentReader.Read(bytes));
    }

    /// <summary>Prints each error with its JSON path; true when there were none.</summary>
    public bool ReportErrors(TextWriter error)
    {
        foreach (var e in Read.Errors) error.WriteLine($"{Name}: {e.Path}: {e.Message}");
        return Read.IsValid;
    }
}
