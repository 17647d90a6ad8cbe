namespace IpcPlayground.Contracts.Sharing;

/// <summary>The answer to <c>POST /api/experiments</c>: the short id and the page that opens it.</summary>
public sealed record SharedExperiment(string Id, string Url);
