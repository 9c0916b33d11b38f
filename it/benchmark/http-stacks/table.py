#!/usr/bin/env python3
# Renders the table from results/*.tsv written by run.sh.  Usage: python3 table.py [results]
import csv, statistics as st, sys, os
out = sys.argv[1] if len(sys.argv) > 1 else "results"
rows = list(csv.DictReader(open(f"{out}/runs.tsv"), delimiter="\t"))
cls = {(r["stack"], r["case"]): r for r in csv.DictReader(open(f"{out}/classes.tsv"), delimiter="\t")}
con = {}
if os.path.exists(f"{out}/connects.tsv"):
    con = {(r["stack"], r["case"]): r["connects"] for r in csv.DictReader(open(f"{out}/connects.tsv"), delimiter="\t")}
keys = []
for r in rows:
    k = (r["stack"], r["case"])
    if k not in keys: keys.append(k)
order = {"head1": 0, "head2": 1, "blob": 2, "tls": 3, "-": 4}
sorder = {"urlconn": 0, "jdkhc": 1, "jdkhc-h2": 2, "jib": 3, "jib-direct": 4, "noop": 5}
keys.sort(key=lambda k: (order[k[1]], sorder[k[0]]))
def mmm(v): return f"{st.median(v):6.0f} {min(v):5.0f} {max(v):5.0f}"
hdr = (f"{'case':6} {'stack':10} {'n':>3} | {'start->done ms':>17} | {'in-JVM ms':>9} | {'process ms':>10} |"
       f" {'CPU ms':>6} | {'peakRSS MB':>10} | {'classes (CDS)':>13} | conns")
sub = (f"{'':6} {'':10} {'':>3} | {'med   min   max':>17} | {'med':>9} | {'med':>10} | {'med':>6} | {'med':>10} | {'':>13} |")
print(hdr); print(sub); print("-" * len(hdr))
for k in keys:
    rs = [r for r in rows if (r["stack"], r["case"]) == k]
    sd = [int(r["start_to_done_ms"]) for r in rs]; w = [int(r["process_wall_ms"]) for r in rs]
    i = [int(r["inproc_ms"]) for r in rs]
    c = [int(r["cpu_ms"]) for r in rs]; m = [int(r["rss_kb"]) / 1024 for r in rs]
    cl = cls.get(k, {}); cc = f"{cl.get('classes','?')} ({cl.get('from_cds','?')})"
    print(f"{k[1]:6} {k[0]:10} {len(rs):3} | {st.median(sd):5.0f} {min(sd):5.0f} {max(sd):5.0f} | {st.median(i):9.0f} |"
          f" {st.median(w):10.0f} | {st.median(c):6.0f} | {st.median(m):10.1f} | {cc:>13} | {con.get(k,'')}")
print()
print("start->done: from just before exec of java to the end of the request work (System.currentTimeMillis in the")
print("  program), i.e. JVM start + stack init + request(s); excludes JVM exit.  in-JVM: from main() entry.")
print("process: whole process wall time incl. JVM exit.  CPU: user+sys of the process (10 ms resolution).")
print("classes: -Xlog:class+load lines (of which from the CDS archive), one extra run per case.")
ld=[float(r["load1"]) for r in rows]
print(f"machine 1-min load average during the runs: median {st.median(ld):.2f}, min {min(ld):.2f}, max {max(ld):.2f} (2 cores)")
print("conns: connect() calls to the registry port seen by strace (keep-alive check).")
