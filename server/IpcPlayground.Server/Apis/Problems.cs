using Microsoft.AspNetCore.Http.HttpResults;

namespace IpcPlayground.Server.Apis;

/// <summary>Every problem-details answer the APIs give more than once, worded in one place.</summary>
public static class Problems
{
    /// <summary>404 for a run id that is not running and has no unexpired record (or is not the caller's to see).</summary>
    public static ProblemHttpResult UnknownRun(string runId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown run",
            detail: $"no run '{runId}' is known here (recorded runs expire after a while)");

    /// <summary>404 for a measurement id that is not going on here and has no unexpired record.</summary>
    public static ProblemHttpResult UnknownMeasurement(string measurementId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown measurement",
            detail: $"no measurement '{measurementId}' is known here (recorded measurements expire after a while)");

    public static ProblemHttpResult UnknownWorkshop(string workshopId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown workshop", detail: $"no workshop '{workshopId}' is known to this key");

    public static ProblemHttpResult Forbidden(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: title, detail: detail);

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    /// <summary>429 with <c>Retry-After</c>, naming the limit that was reached.</summary>
    public static ProblemHttpResult TooManyRuns(HttpContext context, string detail, TimeSpan retryAfter) =>
        TooMany(context, "Too many runs", detail, retryAfter);

    /// <summary>429 with <c>Retry-After</c> (whole seconds, at least 1), naming the quota.</summary>
    public static ProblemHttpResult TooMany(HttpContext context, string title, string detail, TimeSpan retryAfter)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: title, detail: detail);
    }
}
