using IpcPlayground.Contracts.Experiments;
using IpcPlayground.WorkerProtocol;

namespace IpcPlayground.Exports.CProgram.Mechanisms;

/// <summary>Counters written and read whole, 8 bytes at a time: eventfd(2).</summary>
internal abstract class Counters : CMechanism
{
    public static readonly CMechanism[] All = [new EventFdCounter()];

    private sealed class EventFdCounter : Counters
    {
        public override ObjectKind Kind => ObjectKind.EventFd;

        public override IEnumerable<string> Fields(PlanObject obj, string name)
        {
            yield return $"{name}.initial = {obj.Initial};";
            if (obj.Semaphore) yield return $"{name}.eventfd_flags = EFD_SEMAPHORE;";
        }

        public override string MadeByOwner => "create_eventfd";
        public override string StatHelper => "stat_eventfd";
        public override string ReceivedEnd(string? end) => "COUNTER";

        public override string Write(CStatements c, PlanStep step, CTarget target) =>
            c.Call("write_counter", target.Ref, CStatements.Number(step.Value ?? 0) + "ULL");

        public override string Read(CStatements c, PlanStep step, CTarget target) => c.Call("read_counter", target.Ref);

        public override string Runtime => """
            //@ create_eventfd needs objects output
            /* No EFD_CLOEXEC: children inherit it through spawn (fork), as they do a pipe. */
            static void create_eventfd(struct ipc_object *o)
            {
                int fd = eventfd((unsigned)o->initial, o->eventfd_flags);
                if (fd < 0) {
                    say("eventfd(%s) = -1%s", o->id, error_text(-1, errno));
                    exit(70);
                }
                o->fd[COUNTER] = fd;
                say("eventfd(%s, %d%s) = %d", o->id, o->initial, o->eventfd_flags ? ", EFD_SEMAPHORE" : "", fd);
            }

            //@ write_counter needs objects output trace_step fields
            /* Adds VALUE to the counter; waits while it would pass 0xfffffffffffffffe. */
            static void write_counter(struct ipc_object *o, unsigned long long value)
            {
                uint64_t added = value;
                ssize_t n = write(o->fd[COUNTER], &added, sizeof added);
                int error = errno;
                say("write(%s, %llu) = %ld%s", o->id, value, (long)n, error_text(n, error));
                trace_step("write", o->id, n, error, fields(" value=%llu", value));
            }

            //@ read_counter needs objects output trace_step fields
            /* Takes the counter (all of it, or 1 with EFD_SEMAPHORE); waits while it is 0. */
            static void read_counter(struct ipc_object *o)
            {
                uint64_t taken = 0;
                ssize_t n = read(o->fd[COUNTER], &taken, sizeof taken);
                int error = errno;
                if (n == (ssize_t)sizeof taken) {
                    say("read(%s) = %ld: %llu", o->id, (long)n, (unsigned long long)taken);
                    trace_step("read", o->id, n, error, fields(" value=%llu", (unsigned long long)taken));
                } else {
                    say("read(%s) = %ld%s", o->id, (long)n, error_text(n, error));
                    trace_step("read", o->id, n, error, "");
                }
            }

            //@ stat_eventfd needs objects output trace_step fields
            /* The counter as /proc/self/fdinfo shows it (in hex), which reading the eventfd itself would take. */
            static void stat_eventfd(struct ipc_object *o)
            {
                char path[64], line[128];
                snprintf(path, sizeof path, "/proc/self/fdinfo/%d", o->fd[COUNTER]);
                FILE *info = o->fd[COUNTER] < 0 ? NULL : fopen(path, "r");
                if (!info) {
                    say("fdinfo(%s) = -1%s", o->id, error_text(-1, EBADF));
                    trace_step("stat", o->id, -1, EBADF, "");
                    return;
                }
                unsigned long long counter = 0;
                while (fgets(line, sizeof line, info)) sscanf(line, "eventfd-count: %llx", &counter);
                fclose(info);
                say("fdinfo(%s) = 0: counter %llu%s", o->id, counter, o->eventfd_flags ? ", semaphore" : "");
                trace_step("stat", o->id, 0, 0, fields(" counter=%llu", counter));
            }
            """;
    }
}
