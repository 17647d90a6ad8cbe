using Microsoft.AspNetCore.Http.HttpResults;
using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Server.Apis;

/// <summary>Reads an experiment body with a size limit, and words the 400 for a bad one.</summary>
public static class ExperimentBody
{
    /// <summary>The largest experiment body the server reads, for runs and for share links alike.</summary>
    public const int MaxBytes = 1 << 20;

    public sealed record Result(byte[] Bytes, IResult? Problem);

    public sealed record ValidResult(byte[] Bytes, Experiment? Experiment, IResult? Problem);

    /// <summary>Reads the body and checks it against the server's size caps: the experiment, or the 400/413 to return.</summary>
    public static async Task<ValidResult> ReadValidAsync(HttpRequest request, SizeCaps caps)
    {
        var body = await ReadAsync(request, MaxBytes);
        if (body.Problem is { } problem) return new([], null, problem);
        var read = ExperimentReader.Read(body.Bytes, caps);
        return read.IsValid ? new(body.Bytes, read.Experiment, null) : new([], null, Invalid(read.Errors));
    }

    /// <param name="what">What the body holds, for the problems' wording ("experiment", "measurement request").</param>
    public static async Task<Result> ReadAsync(HttpRequest request, int maxBytes, string what = "experiment")
    {
        // A form or text/plain body is what any web page can make its visitors' browsers send without asking:
        // refusing them keeps other sites from starting runs and storing experiments in their name.
        if (!request.HasJsonContentType())
            return new([], TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Not JSON",
                detail: $"send the {what} with content-type: application/json"));
        if (request.ContentLength > maxBytes)
            return new([], TooLarge(maxBytes, what));
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + n > maxBytes) return new([], TooLarge(maxBytes, what));
            buffer.Write(chunk, 0, n);
        }
        if (buffer.Length == 0)
            return new([], Invalid([new ValidationError("$", $"the body is empty; send the {what} as JSON")]));
        return new(buffer.ToArray(), null);
    }

    /// <summary>400 application/problem+json whose <c>errors</c> map each JSON path to what is wrong there.</summary>
    public static IResult Invalid(IReadOnlyList<ValidationError> errors, string title = "The experiment is not valid") =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: title,
            detail: string.Join("; ", errors.Take(5).Select(e => $"{e.Path}: {e.Message}")));

    private static ProblemHttpResult TooLarge(int maxBytes, string what) =>
        TypedResults.Problem(statusCode: 413, title: char.ToUpperInvariant(what[0]) + what[1..] + " too large", detail: $"the {what} is at most {maxBytes} bytes");
}
