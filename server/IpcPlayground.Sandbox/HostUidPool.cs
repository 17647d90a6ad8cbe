using System.Globalization;

namespace IpcPlayground.Sandbox;

/// <summary>
/// Host uids a root server lends to runs, one each, so the kernel's per-user accounting (RLIMIT_MSGQUEUE's bytes,
/// pipe-user-pages-soft, RLIMIT_NPROC) is one run's alone. A uid is held by an exclusive lock on a file named after it
/// (flock, which the kernel drops when the holder dies), so servers and the fidelity oracle's C programs that share
/// the lock directory never hold the same uid at once (containers on one host must share it as a volume). Uids are tried from a rotating cursor, so one just given back is taken
/// last: its last run's IPC namespace may still be on its way out.
/// </summary>
public static class HostUidPool
{
    public const string LockDirectory = "/run/ipcplay/host-uids";
    private static int s_cursor = Random.Shared.Next(1 << 16);

    /// <summary>A free uid of the pool and the lock that holds it (disposing it gives the uid back), or null when every uid is lent.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static (int Uid, IDisposable Lease)? Rent(SandboxOptions options)
    {
        try
        {
            Directory.CreateDirectory(LockDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SandboxUnavailableException(
                $"the host uid pool keeps its locks in {LockDirectory}, which cannot be made here ({e.Message}); mount a writable directory there "
                + "(shared by every server on the host) or set Sandbox:HostUidPoolSize=0 to run every sandbox as Sandbox:HostUid", e);
        }
        for (var tried = 0; tried < options.HostUidPoolSize; tried++)
        {
            var uid = options.HostUidPoolStart + (int)((uint)Interlocked.Increment(ref s_cursor) % (uint)options.HostUidPoolSize);
            var path = Path.Combine(LockDirectory, uid.ToString(CultureInfo.InvariantCulture));
            try
            {
                // On Unix, FileShare.None is flock(LOCK_EX | LOCK_NB): it fails while any process holds the file open so.
                return (uid, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                // Held by another sandbox, of this server or of another one on the host.
            }
        }
        return null;
    }
}
