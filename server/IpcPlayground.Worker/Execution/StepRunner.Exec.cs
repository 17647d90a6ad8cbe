using System.Runtime.InteropServices;
using System.Text;
using IpcPlayground.Contracts.Events;
using IpcPlayground.Contracts.Experiments;
using IpcPlayground.Worker.Interop;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Worker.Execution;

/// <summary>
/// exec: dup2 of the ends the step names onto standard input and output, then execve of the program, as a shell does
/// for <c>producer | wc -c</c>. What the program writes to a stream not redirected to an object goes through a pipe
/// the supervisor reads (opened through /proc before the worker lets go of it) and becomes <c>output</c> events.
/// The program inherits every descriptor of the process not marked close-on-exec, as after execve in C.
/// </summary>
internal sealed unsafe partial class StepRunner
{
    private const int Stdin = 0, Stdout = 1, Stderr = 2;

    private void Exec(PlanStep step, string path)
    {
        // dup2 onto 0 and 1 first, as the C program does: a redirection of an end this process does not hold is EBADF
        // from dup2, and the step ends there.
        foreach (var (redirect, target) in new[] { (step.Stdin, Stdin), (step.Stdout, Stdout) })
        {
            if (redirect is null) continue;
            if (Libc.Dup2(_handles.Resolve(redirect.Object!, redirect.End), target) < 0)
            {
                Report(step, path, "dup2", Interop.Errno.Last());
                return;
            }
        }
        var streams = step.Stdout is null ? new[] { (OutputStreams.Stdout, Stdout), (OutputStreams.Stderr, Stderr) } : [(OutputStreams.Stderr, Stderr)];
        var pipes = new List<(string Stream, int Target, int Read, int Write)>();
        var fds = stackalloc int[2];
        foreach (var (stream, target) in streams)
        {
            if (Libc.Pipe2(fds, Libc.O_CLOEXEC) != 0)
            {
                Fail(path, step, $"pipe2 for the program's {stream}: {Interop.Errno.Name(Interop.Errno.Last())}");
                return;
            }
            pipes.Add((stream, target, fds[0], fds[1]));
        }
        _link.AnnounceExec(new ExecFrame { Outputs = [.. pipes.Select(p => new OutputPipe(p.Stream, p.Read))] });
        foreach (var pipe in pipes)
        {
            Libc.Close(pipe.Read);
            Libc.Dup2(pipe.Write, pipe.Target); // the copy on 1 or 2 is not close-on-exec: the program writes to it
            Libc.Close(pipe.Write);
        }
        // The step's event goes before the call: a successful execve does not return to say so.
        var now = MonotonicClock.Now();
        _link.Send(new StepEndFrame { Step = path, Iteration = _iteration, Op = step.Op, T = now, Result = 0, Path = step.Program });
        var errno = Execve(step.Program!, step.Args ?? []);
        Fail(path, step, $"execve {step.Program}: {Interop.Errno.Name(errno)}");
    }

    /// <summary>execve(2) with a plain environment; returns errno when it fails (it does not return otherwise).</summary>
    private static int Execve(string program, IReadOnlyList<string> args)
    {
        string[] argv = [Path.GetFileName(program), .. args];
        string[] environment = ["PATH=/usr/bin:/bin", "LC_ALL=C"];
        var strings = argv.Concat(environment).Select(s => Marshal.StringToCoTaskMemUTF8(s)).ToArray();
        try
        {
            var argvPointers = new nint[argv.Length + 1];
            var envPointers = new nint[environment.Length + 1];
            Array.Copy(strings, argvPointers, argv.Length);
            Array.Copy(strings, argv.Length, envPointers, 0, environment.Length);
            var path = Encoding.UTF8.GetBytes(program + "\0");
            fixed (byte* p = path)
            fixed (nint* a = argvPointers)
            fixed (nint* e = envPointers)
                Libc.Execve(p, (byte**)a, (byte**)e);
            return Interop.Errno.Last();
        }
        finally
        {
            foreach (var s in strings) Marshal.FreeCoTaskMem(s);
        }
    }
}
