namespace IpcPlayground.Client.Lessons;

/// <summary>The experiment the page opens with: the contract's own example.</summary>
public static class DefaultExperiment
{
    public const string Json = """
        {
          "format": 1,
          "name": "A pipe is a byte stream",
          "description": "Two writes, one read: message boundaries are lost.",
          "limits": { "timeoutMs": 5000 },
          "objects": [
            { "id": "p", "type": "pipe" }
          ],
          "processes": [
            { "id": "parent", "steps": [
                { "op": "spawn", "process": "child" },
                { "op": "write", "object": "p", "data": "hello" },
                { "op": "write", "object": "p", "data": "world" },
                { "op": "close", "object": "p", "end": "write" },
                { "op": "wait", "process": "child" } ] },
            { "id": "child", "parent": "parent", "steps": [
                { "op": "sleep", "ms": 100 },
                { "op": "read", "object": "p", "bytes": 100 } ] }
          ]
        }
        """;
}
