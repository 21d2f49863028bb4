"""The results table, as aligned text or as Markdown, with each Allice row's ratio to the peers."""
import statistics

ALLICE = "allice"
COLUMNS = ("scenario", "target", "req/s", "MiB/s", "p50 ms", "p99 ms", "errors", "CPU %", "peak RSS MiB", "ratio",
           "notes")


def row(scenario, target, result=None, meter=None, basis="rps", notes=""):
    """Builds one table row from a wrk-style result and a ResourceMeter; basis names the figure ratios use."""
    result = result or {}
    return {
        "scenario": scenario, "target": target, "rps": result.get("rps"), "mibps": result.get("mibps"),
        "p50_ms": result.get("p50_ms"), "p99_ms": result.get("p99_ms"), "errors": result.get("errors"),
        "cpu_pct": meter.cpu_percent if meter else result.get("cpu_pct"),
        "rss_mib": meter.peak_rss_mib if meter else result.get("rss_mib"),
        "basis": basis, "notes": notes,
    }


def median_row(rows):
    """Merges the rows of several rounds of one scenario and target: medians, errors summed, peak RSS max."""
    first = dict(rows[0])
    for key in ("rps", "mibps", "p50_ms", "p99_ms", "cpu_pct"):
        values = [r[key] for r in rows if r[key] is not None]
        first[key] = statistics.median(values) if values else None
    first["errors"] = sum(r["errors"] or 0 for r in rows)
    peaks = [r["rss_mib"] for r in rows if r["rss_mib"] is not None]
    first["rss_mib"] = max(peaks) if peaks else None
    return first


def ratios(rows):
    """Returns, for each Allice row, its figure divided by each peer's figure in the same scenario."""
    found = {}
    for mine in rows:
        if mine["target"] != ALLICE or not mine[mine["basis"]]:
            continue
        parts = []
        for peer in rows:
            if peer["scenario"] == mine["scenario"] and peer["target"] != ALLICE and peer[mine["basis"]]:
                parts.append((peer["target"], mine[mine["basis"]] / peer[mine["basis"]]))
        found[id(mine)] = parts
    return found


def _number(value, digits=0):
    if value is None:
        return ""
    return f"{value:,.{digits}f}"


def _cells(row_, ratio_parts):
    ratio = ", ".join(f"{value:.2f}x {name}" for name, value in ratio_parts)
    return (row_["scenario"], row_["target"], _number(row_["rps"], 1 if (row_["rps"] or 0) < 100 else 0),
            _number(row_["mibps"]) if row_["basis"] == "mibps" else "", _number(row_["p50_ms"], 1), _number(row_["p99_ms"], 1),
            "" if row_["errors"] is None else str(row_["errors"]), _number(row_["cpu_pct"]),
            _number(row_["rss_mib"]), ratio, row_["notes"])


def render(rows, markdown=False):
    found = ratios(rows)
    lines = [COLUMNS] + [_cells(r, found.get(id(r), [])) for r in rows]
    if markdown:
        out = ["| " + " | ".join(COLUMNS) + " |", "|" + "|".join(" --- " for _ in COLUMNS) + "|"]
        out += ["| " + " | ".join(cell.replace("|", "/") for cell in line) + " |" for line in lines[1:]]
        return "\n".join(out)
    widths = [max(len(line[i]) for line in lines) for i in range(len(COLUMNS) - 1)]
    out = []
    for line in lines:
        cells = [cell.ljust(widths[i]) if i in (0, 1, 9) else cell.rjust(widths[i]) for i, cell in enumerate(line[:-1])]
        out.append("  ".join(cells + [line[-1]]).rstrip())
    return "\n".join(out)
