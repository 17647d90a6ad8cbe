using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using IpcPlayground.Cli.Output;
using IpcPlayground.Cli.Running;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Json;
using IpcPlayground.Contracts.Predictions;
using IpcPlayground.Contracts.Runs;

namespace IpcPlayground.Cli.Commands;

/// <summary>
/// <c>ipcplay predict FILE --server URL</c>: runs the experiment in predict mode on a server. Before each step worth a
/// question it prints the choices and reads the answer (its number or its id) from standard input; then it prints
/// what the kernel did and why, and the score at the end. An empty line or the end of input stops the run.
/// </summary>
public static class PredictCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "the experiment JSON file (standard input is for the answers)" };
        var server = ServerOption.Create("the playground server that runs it (predict mode needs one)");
        var command = new Command("predict", "Run an experiment in predict mode: say what each interesting call will do, then see what the kernel did.") { file, server };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var experiment = await ExperimentFile.LoadAsync(parse.GetValue(file)!, cancellationToken);
            if (!experiment.ReportErrors(Console.Error)) return ExitCodes.InvalidExperiment;
            if (parse.GetValue(server) is not { } target)
            {
                await Console.Error.WriteLineAsync("ipcplay: predict mode runs on a server: give --server URL (or set IPCPLAY_SERVER)");
                return ExitCodes.Unavailable;
            }
            using var http = ServerOption.Client(target);
            try { return await PredictAsync(http, experiment, Console.In, Console.Out, cancellationToken); }
            catch (ServerRefusedException e) when (e.Status is 400 or 413)
            {
                await Console.Error.WriteLineAsync($"{experiment.Name}: {e.Message}");
                return ExitCodes.InvalidExperiment;
            }
            catch (Exception e) when (e is HttpRequestException or ServerRefusedException)
            {
                await Console.Error.WriteLineAsync($"ipcplay: cannot run {experiment.Name}: {e.Message}");
                return ExitCodes.Unavailable;
            }
        });
        return command;
    }

    private static async Task<int> PredictAsync(HttpClient http, ExperimentFile experiment, TextReader answers, TextWriter output, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(experiment.Bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var runId = (await ServerRefusedException.AcceptedAsync(http, $"/api/runs?mode={RunModes.Predict}", content, ContractsJsonContext.Default.RunAccepted, cancellationToken)).RunId;
        var printer = new EventPrinter(output, table: true);
        string? status = null;
        using var stream = await http.GetStreamAsync($"/api/runs/{runId}/events", cancellationToken);
        await foreach (var e in Ndjson.ReadAsync(stream, ContractsJsonContext.Default.RunEvent, cancellationToken))
        {
            printer.Print(e);
            if (e is QuestionEvent question && !await AskAsync(http, runId, question, answers, output, cancellationToken))
                using (await http.PostAsync($"/api/runs/{runId}/stop", null, cancellationToken)) { }
            if (e is RunEndEvent end) status = end.Status;
        }
        var summary = await http.GetFromJsonAsync($"/api/runs/{runId}", ContractsJsonContext.Default.RunSummary, cancellationToken);
        if (summary?.Predictions is { } score)
            await output.WriteLineAsync($"score: {score.Correct} of {score.Asked} right ({score.Answered} answered)");
        return status == RunStatuses.Completed ? ExitCodes.Completed : ExitCodes.RunDidNotComplete;
    }

    /// <summary>Prints the question and its numbered choices, and posts the answer read; false when the input ended.</summary>
    private static async Task<bool> AskAsync(HttpClient http, string runId, QuestionEvent question, TextReader answers, TextWriter output, CancellationToken cancellationToken)
    {
        var choices = question.Choices ?? [];
        var about = PredictionAbouts.Parse(question.About) ?? PredictionAbout.Outcome;
        await output.WriteLineAsync($"  {question.Process}: {PredictionWords.English.Prompt(about, question.Call ?? question.Op ?? "", question.Object ?? question.Target)}");
        for (var i = 0; i < choices.Count; i++) await output.WriteLineAsync($"    {i + 1}. {choices[i].Text} ({choices[i].Choice})");
        while (true)
        {
            await output.WriteAsync("  your answer: ");
            await output.FlushAsync(cancellationToken);
            var line = (await answers.ReadLineAsync(cancellationToken))?.Trim();
            if (string.IsNullOrEmpty(line)) return false;
            var choice = int.TryParse(line, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= choices.Count ? choices[n - 1].Choice : line;
            using var posted = await http.PostAsJsonAsync($"/api/runs/{runId}/answer",
                new AnswerRequest(question.Process, question.About, choice, question.Step, question.Iteration), ContractsJsonContext.Default.AnswerRequest, cancellationToken);
            if (posted.StatusCode == HttpStatusCode.Accepted) return true;
            await output.WriteLineAsync($"  not taken: {await posted.Content.ReadAsStringAsync(cancellationToken)}");
            if (posted.StatusCode != HttpStatusCode.BadRequest) return true;
        }
    }
}
