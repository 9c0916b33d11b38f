#!/usr/bin/env python3
"""CPU time of a Maven build, by thread, for telling work from waiting.

    python3 it/benchmark/lib/thread_cpu.py mvn -B compile <goal> ...

Runs the command, finds the Maven JVM among its processes, reads every thread's CPU time from
/proc every 0.1 s until the JVM exits (a thread that ends keeps what was last read of it), and
prints the seconds per group of threads (a thread's name without its trailing number: the JIT
compilers, Maven's main thread, each pool), the total, and the command's wall time and exit
status. Linux only. The command's own output goes where it would.
"""
import collections
import os
import re
import subprocess
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def descendants(root):
    """The pids under `root`, from /proc's parent links."""
    children = collections.defaultdict(list)
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
            children[int(stat[stat.rindex(")") + 2:].split()[1])].append(int(pid))
        except (OSError, ValueError):
            continue
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        for child in children.get(pid, []):
            found.append(child)
            todo.append(child)
    return found


def maven_jvm(root):
    for pid in [root] + descendants(root):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if b"plexus-classworlds" in f.read():
                    return pid
        except OSError:
            continue
    return None


def threads(pid):
    """Thread id to (group, CPU ticks so far) for every thread of `pid`."""
    seen = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return seen
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        group = re.sub(r"[-#\s]*\d*$", "", name) or name
        seen[tid] = (group, int(fields[11]) + int(fields[12]))
    return seen


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: " + __doc__.strip().splitlines()[2].strip())
    started = time.monotonic()
    command = subprocess.Popen(sys.argv[1:])
    jvm = None
    last = {}
    while command.poll() is None:
        jvm = jvm or maven_jvm(command.pid)
        if jvm:
            last.update(threads(jvm))
        time.sleep(0.1)
    wall = time.monotonic() - started
    groups = collections.Counter()
    for group, ticks in last.values():
        groups[group] += ticks
    if not groups:
        print("thread_cpu: no Maven JVM was seen (did the command run mvn?)", file=sys.stderr)
    else:
        print(f"CPU seconds by thread group of the Maven JVM (pid {jvm}):")
        for group, ticks in groups.most_common():
            if ticks:
                print(f"  {ticks / TICKS:7.2f}  {group}")
        print(f"  {sum(groups.values()) / TICKS:7.2f}  in all, over {wall:.2f} s of wall time;"
              f" exit status {command.returncode}")
    sys.exit(command.returncode)


if __name__ == "__main__":
    main()
