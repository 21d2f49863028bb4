"""The performance targets, checked against one run's rows: each met, or missed and by how much."""

MIB_PER_300_MB = 300e6 / 1048576


def _find(rows, scenario, target="allice"):
    return [r for r in rows if r["scenario"] == scenario and r["target"] == target]


def _show(measured, unit, digits):
    return f"{measured}{unit}" if isinstance(measured, int) else f"{measured:.{digits}f}{unit}"


def _at_least(name, measured, wanted, unit=""):
    if measured is None:
        return (name, f">= {wanted:g}{unit}", "not measured", "")
    shown = _show(measured, unit, 2)
    if measured >= wanted:
        return (name, f">= {wanted:g}{unit}", shown, "met")
    if measured <= 0:
        return (name, f">= {wanted:g}{unit}", shown, "missed")
    if wanted / measured < 2:
        return (name, f">= {wanted:g}{unit}", shown, f"missed by {100 * (1 - measured / wanted):.0f} %")
    return (name, f">= {wanted:g}{unit}", shown, f"missed: {wanted / measured:.1f}x short")


def _at_most(name, measured, limit, unit=""):
    if measured is None:
        return (name, f"<= {limit:g}{unit}", "not measured", "")
    shown = _show(measured, unit, 1)
    if measured <= limit:
        return (name, f"<= {limit:g}{unit}", shown, "met")
    if not limit:
        return (name, f"<= {limit:g}{unit}", shown, "missed")
    if measured / limit < 2:
        return (name, f"<= {limit:g}{unit}", shown, f"missed: {100 * (measured / limit - 1):.0f} % over")
    return (name, f"<= {limit:g}{unit}", shown, f"missed: {measured / limit:.1f}x the limit")


def _ratio(rows, scenario, peer):
    mine, theirs = _find(rows, scenario), _find(rows, scenario, peer)
    if not mine or not theirs:
        return None
    basis = mine[0]["basis"]
    if not mine[0][basis] or not theirs[0][basis]:
        return None
    return mine[0][basis] / theirs[0][basis]


def _value(rows, scenario, key):
    found = _find(rows, scenario)
    return found[0].get(key) if found else None


def check(rows):
    """Returns (target, wanted, measured, verdict) tuples for the scenarios present in rows."""
    scenarios = {r["scenario"] for r in rows}
    checks = []
    for op in ("items list", "items get", "items create"):
        if op not in scenarios:
            continue
        checks.append(_at_least(f"{op}: ratio to fastapi-peer", _ratio(rows, op, "fastapi-peer"), 10, "x"))
        if op == "items list":
            checks.append(_at_least(f"{op}: ratio to jdbc-floor", _ratio(rows, op, "jdbc-floor"), 0.5, "x"))
        checks.append(_at_most(f"{op}: p99 at 64 connections", _value(rows, op, "p99_ms"), 25, " ms"))
        checks.append(_at_most(f"{op}: errors", _value(rows, op, "errors"), 0))
    for scenario in sorted(s for s in scenarios if s.startswith(("file download", "media stream"))):
        checks.append(_at_least(f"{scenario}: MiB/s ratio to nginx", _ratio(rows, scenario, "nginx"), 0.9, "x"))
    if "upload 10x heap" in scenarios:
        checks.append(_at_most("upload 10x heap: live heap growth", _value(rows, "upload 10x heap", "heap_growth_mib"),
                               5, " MiB"))
    if "websocket 5,000 clients" in scenarios:
        scenario = "websocket 5,000 clients"
        figures = _find(rows, scenario)[0].get("figures") or {}
        checks.append(_at_least(f"{scenario}: connections open", figures.get("opened"), 5000))
        checks.append(_at_most(f"{scenario}: p99 delivery", _value(rows, scenario, "p99_ms"), 50, " ms"))
        checks.append(_at_most(f"{scenario}: errors and lost deliveries", _value(rows, scenario, "errors"), 0))
    for row in _find(rows, "start-up, H2"):
        label = row["notes"].split(":")[0]
        checks.append(_at_most(f"start-up ({label}): to first healthy response", row.get("startup_s"), 3, " s"))
        checks.append(_at_most(f"start-up ({label}): idle RSS", row["rss_mib"], round(MIB_PER_300_MB, 1), " MiB"))
    return checks


def render(checks, markdown=False):
    header = ("target", "wanted", "measured", "verdict")
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "| --- | --- | --- | --- |"]
        return "\n".join(lines + ["| " + " | ".join(c) + " |" for c in checks])
    widths = [max(len(line[i]) for line in [header, *checks]) for i in range(4)]
    return "\n".join("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip()
                     for line in [header, *checks])

