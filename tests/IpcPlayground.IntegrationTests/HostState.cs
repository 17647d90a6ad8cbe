namespace IpcPlayground.IntegrationTests;

/// <summary>What the host can see of runs: processes by their command line, System V objects by /proc/sysvipc.</summary>
public static class HostState
{
    /// <summary>Supervisor and workers carry the run's socket name, <c>ipcplay-RUNID</c>, on their command line.</summary>
    public static IReadOnlyList<int> ProcessesOf(string runId)
    {
        var marker = $"ipcplay-{runId}";
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Contains(marker, StringComparison.Ordinal))
                    found.Add(pid);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }

    /// <summary>Killing takes the kernel a moment; give it up to five seconds, then let the assertion speak.</summary>
    public static async Task WaitUntilGone(string runId)
    {
        for (var i = 0; i < 100 && ProcessesOf(runId).Count > 0; i++) await Task.Delay(50);
    }

    public static string CommandLine(int pid) => File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');

    /// <summary>A field of /proc/PID/status, e.g. <c>Seccomp</c> (2 = filter) or <c>NoNewPrivs</c>.</summary>
    public static string StatusField(int pid, string name) =>
        File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim();

    public static int RealUid(int pid) =>
        int.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1],
            System.Globalization.CultureInfo.InvariantCulture);

    public static string SysvObjects() =>
        string.Join("\n", new[] { "msg", "sem", "shm" }.Select(kind => File.ReadAllText($"/proc/sysvipc/{kind}")));
}
