using IpcPlayground.Sandbox;

namespace IpcPlayground.UnitTests;

public sealed class BubblewrapCommandTests
{
    [Fact]
    public void The_argument_list_is_exactly_the_reviewed_one()
    {
        var options = new SandboxOptions { Uid = 1000, Gid = 1000, TmpfsBytes = 16 << 20 };
        var arguments = BubblewrapCommand.Arguments(options, "/opt/worker", "ipcplay-abc");

        string[] expected =
        [
            "--unshare-user", "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try",
            "--uid", "1000", "--gid", "1000", "--hostname", "sandbox",
            "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
            "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin",
            "--ro-bind", "/etc/ld.so.cache", "/etc/ld.so.cache", "--proc", "/proc", "--dev", "/dev",
            "--size", "16777216", "--perms", "1777", "--tmpfs", "/tmp",
            "--size", "16777216", "--perms", "1777", "--tmpfs", "/sandbox",
            "--size", "16777216", "--perms", "1777", "--tmpfs", "/dev/shm",
            "--dir", "/dev/mqueue", "--ro-bind", "/opt/worker", "/app", "--chdir", "/sandbox",
            "--clearenv", "--setenv", "PATH", "/usr/bin:/bin", "--cap-drop", "ALL", "--new-session", "--die-with-parent",
            "/app/ipcplay-worker", "supervise", "--socket", "ipcplay-abc",
        ];
        Assert.Equal(expected, arguments);
    }

    [Fact]
    public void Nothing_of_the_host_is_writable_inside()
    {
        var arguments = BubblewrapCommand.Arguments(new SandboxOptions(), "/opt/worker", "s");
        Assert.DoesNotContain("--bind", arguments);
        Assert.DoesNotContain("--dev-bind", arguments);
        Assert.DoesNotContain("--share-net", arguments);
    }
}
