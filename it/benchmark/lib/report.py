#!/usr/bin/env python3
"""Markdown tables from one benchmark TSV: python3 lib/report.py results/<stamp>.tsv

Reads <stamp>.tsv (one line per run, written by run.sh) and <stamp>/meta.tsv beside it, prints
the run's header, the per-case table (medians) and the targets with PASS/FAIL. Used by run.sh
at the end of a run; run it again on an old TSV to regenerate the tables for docs/benchmarks.md.
"""

import csv
import os
import statistics
import sys

CASES = ["cold", "no-change", "one-class", "tar", "elsewhere"]
CASE_TITLES = {
    "cold": "cold build + push",
    "no-change": "no-change rebuild + push",
    "one-class": "one-class change + push",
    "tar": "tar export",
    "elsewhere": "cold build + push to another registry, 25 MB/s a connection",
}
# (case, limit) on the ratio of medians ours / Jib
TIME_TARGETS = [("no-change", 0.6), ("one-class", 0.92), ("cold", 1.0)]
RSS_TARGET = 1.0
# Two platforms (APP-2p) against one (APP): each ours/Jib ratio at least as good as the
# one-platform ratio, and our two-platform no-change rebuild at most this much slower than ours
# on one platform.
TWO_PLATFORM_CASES = ["no-change", "one-class", "cold"]
TWO_PLATFORM_NO_CHANGE = 1.2


def median(values):
    return statistics.median(values) if values else None


def fmt_s(v):
    return "n/a" if v is None else f"{v:.2f}"


def fmt_ratio(a, b):
    return "n/a" if a is None or not b else f"{a / b:.2f}"


def fmt_bytes(v):
    if v is None:
        return "n/a"
    for unit, size in (("MB", 1e6), ("kB", 1e3)):
        if v >= size:
            return f"{v / size:.1f} {unit}"
    return f"{int(v)} B"


def load(tsv):
    with open(tsv, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def load_meta(tsv):
    meta = {}
    path = os.path.join(tsv[: -len(".tsv")], "meta.tsv")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                key, _, value = line.rstrip("\n").partition("\t")
                meta.setdefault(key, []).append(value)
    return {k: "; ".join(v) for k, v in meta.items()}


class Stats:
    """Medians of the successful runs of one (app, case, tool)."""

    def __init__(self, rows):
        ok = [r for r in rows if r["exit"] == "0"]
        self.runs, self.failed = len(ok), len(rows) - len(ok)
        self.wall = median([float(r["wall_s"]) for r in ok])
        self.rss = median([int(r["peak_rss_kib"]) / 1024 for r in ok])
        self.up = median([int(r["uploaded_bytes"]) for r in ok])
        self.requests = median([int(r["requests"]) for r in ok])
        mins = [int(r["minimal_upload_bytes"]) for r in ok if r["minimal_upload_bytes"] not in ("-", "")]
        self.minimal = median(mins)
        imgs = [int(r["image_uploaded_bytes"]) for r in ok if r.get("image_uploaded_bytes") not in (None, "-", "")]
        self.image_up = median(imgs)


def main():
    tsv = sys.argv[1]
    rows = load(tsv)
    meta = load_meta(tsv)
    apps = list(dict.fromkeys(r["app"] for r in rows))

    def stats(app, case, tool):
        return Stats([r for r in rows if r["app"] == app and r["case"] == case and r["tool"] == tool])

    out = []
    out.append(f"Benchmark run {os.path.basename(tsv)[:-4]}")
    out.append("")
    for key in ("date", "commit", "plugin_jar", "jib", "base", "runs", "cases", "machine", "java", "maven", "elapsed", "warning"):
        if key in meta:
            out.append(f"- {key}: {meta[key]}")
    for app in apps:
        builds = sorted({r.get("plugin") for r in rows if r["app"] == app and r["tool"] == "ours" and r.get("plugin")})
        if len(builds) > 1:
            out.append(f"- WARNING: {app} was measured with {len(builds)} different plugin jars ({', '.join(builds)}): "
                       "the plugin was reinstalled during the run, rerun for figures of one build")
    out.append("")
    out.append("| app | case | ours (s) | Jib (s) | ours/Jib | RSS ours (MiB) | RSS Jib (MiB) | RSS ours/Jib "
               "| uploaded ours | uploaded Jib | requests ours | requests Jib |")
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for app in apps:
        for case in CASES:
            o, j = stats(app, case, "ours"), stats(app, case, "jib")
            if not (o.runs or j.runs or o.failed or j.failed):
                continue
            failed = f" ({o.failed} ours / {j.failed} Jib runs failed)" if o.failed or j.failed else ""
            out.append(
                f"| {app} | {CASE_TITLES[case]}{failed} | {fmt_s(o.wall)} | {fmt_s(j.wall)} | {fmt_ratio(o.wall, j.wall)} "
                f"| {o.rss and round(o.rss)} | {j.rss and round(j.rss)} | {fmt_ratio(o.rss, j.rss)} "
                f"| {fmt_bytes(o.up)} | {fmt_bytes(j.up)} | {o.requests and round(o.requests)} | {j.requests and round(j.requests)} |")
        floor = stats(app, "no-change", "maven")
        if floor.runs:
            out.append(f"| {app} | `mvn validate` alone (floor) | {fmt_s(floor.wall)} | {fmt_s(floor.wall)} | | "
                       f"{round(floor.rss)} | {round(floor.rss)} | | | | | |")
    out.append("")
    out.append("Medians; times are whole `mvn` wall times: `compile <goal>` for cold, elsewhere and one-class, the goal alone for no-change and tar.")
    out.append("")
    out.append("| app | target | measured | limit | result |")
    out.append("|---|---|---:|---:|---|")
    for app in apps:
        for case, limit in TIME_TARGETS:
            o, j = stats(app, case, "ours"), stats(app, case, "jib")
            if o.wall is None or not j.wall:
                continue
            ratio = o.wall / j.wall
            out.append(f"| {app} | {case} time ours/Jib | {ratio:.3f} | <= {limit:.2f} | {'PASS' if ratio <= limit else 'FAIL'} |")
        peaks = {}
        for tool in ("ours", "jib"):
            values = [stats(app, case, tool).rss for case in CASES]
            values = [v for v in values if v is not None]
            peaks[tool] = max(values) if values else None
        if peaks["ours"] and peaks["jib"]:
            ratio = peaks["ours"] / peaks["jib"]
            out.append(f"| {app} | peak RSS ours/Jib (highest case median) | {ratio:.3f} | <= {RSS_TARGET:.2f} "
                       f"| {'PASS' if ratio <= RSS_TARGET else 'FAIL'} |")
        for tool, name in (("ours", "ours"), ("jib", "Jib")):
            st = stats(app, "one-class", tool)
            if st.up is None or st.minimal is None:
                continue
            image = st.image_up if st.image_up is not None else st.up
            extra = f" (all uploads {fmt_bytes(st.up)})" if st.image_up is not None and st.image_up != st.up else ""
            verdict = ("PASS" if image <= st.minimal else "FAIL") if tool == "ours" else "(reference)"
            out.append(f"| {app} | image bytes uploaded, one-class ({name}) | {fmt_bytes(image)}{extra} "
                       f"| <= {fmt_bytes(st.minimal)} (changed layers + config + manifest) | {verdict} |")
    for app in apps:
        single = app[:-3] if app.endswith("-2p") else None
        if single not in apps:
            continue
        for case in TWO_PLATFORM_CASES:
            o2, j2 = stats(app, case, "ours"), stats(app, case, "jib")
            o1, j1 = stats(single, case, "ours"), stats(single, case, "jib")
            if None in (o2.wall, j2.wall, o1.wall, j1.wall) or not j2.wall or not j1.wall:
                continue
            two, one = o2.wall / j2.wall, o1.wall / j1.wall
            out.append(f"| {app} | {case} ours/Jib, two platforms vs one | {two:.3f} | <= {one:.3f} "
                       f"| {'PASS' if two <= one else 'FAIL'} |")
            # What the second platform adds to each tool's median: the target holds when ours
            # adds at most Jib's times the one-platform ratio.
            out.append(f"| {app} | {case}, second platform's cost: ours / Jib | "
                       f"{o2.wall - o1.wall:+.2f} s / {j2.wall - j1.wall:+.2f} s | | |")
        o2, o1 = stats(app, "no-change", "ours"), stats(single, "no-change", "ours")
        if o2.wall is not None and o1.wall:
            ratio = o2.wall / o1.wall
            out.append(f"| {app} | no-change ours, two platforms / one | {ratio:.3f} | <= {TWO_PLATFORM_NO_CHANGE:.2f} "
                       f"| {'PASS' if ratio <= TWO_PLATFORM_NO_CHANGE else 'FAIL'} |")
    print("\n".join(out))


if __name__ == "__main__":
    main()
