/*
 * The fault step: the process really commits the fault, so the signal that follows is the kernel's own (si_code
 * SEGV_MAPERR, FPE_INTDIV, BUS_ADRERR, ILL_ILLOPN), not one sent with kill. It is C because managed code would turn
 * a null store or a division by zero into an exception before the kernel's signal could end the process.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

/* kind: 0 segv, 1 fpe, 2 bus, 3 ill, 4 abort. Returns only if the fault was handled and did not repeat (abort's
 * handler can return; the others fault again on return, as they do in C), or -1 when the bus fault's setup failed. */
int ipcplay_fault(int kind)
{
    switch (kind) {
    case 0:
        *(volatile int *)0 = 1;
        return 0;
    case 1: {
        /* Both operands volatile: with a constant 1, a compiler may compute 1 / x without a division. */
        volatile int one = 1, zero = 0;
        volatile int quotient = one / zero;
        (void)quotient;
        return 0;
    }
    case 2: {
        /* A shared mapping two pages long of a file one page long: the second page is past the end of the file. */
        long page = sysconf(_SC_PAGESIZE);
        int fd = memfd_create("ipcplay-fault", 0);
        if (fd < 0 || ftruncate(fd, page) != 0) return -1;
        volatile char *mapping = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (mapping == MAP_FAILED) return -1;
        mapping[page] = 1;
        return 0;
    }
    case 3:
        __builtin_trap();
    default:
        abort();
    }
}
