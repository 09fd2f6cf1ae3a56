#!/usr/bin/env python3
"""Evaluates every PromQL expression of Tavola's alert rules and dashboards against a running Prometheus.

Usage: promql-check.py PROMETHEUS_URL FILE...  (rule files *.yml, Grafana dashboards *.json, and
Markdown *.md, whose ```promql blocks hold one expression a line, a trailing # comment allowed)
Fails when an expression does not evaluate, or names a metric that no scraped service exports (a name
Prometheus has never seen and no recording rule defines): a typo would otherwise be a silent, empty
panel or an alert that never fires.
"""
import json
import re
import sys
import urllib.parse
import urllib.request

KEYWORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless",
            "offset", "inf", "nan"}


def expressions(path):
    if path.endswith(".md"):
        with open(path) as f:
            text = f.read()
        for block in re.findall(r"```promql\n(.*?)```", text, re.S):
            for line in block.splitlines():
                expr = re.sub(r"\s+#.*$", "", line).strip()
                if expr:
                    yield f"{path}", expr, None
    elif path.endswith(".json"):
        with open(path) as f:
            dashboard = json.load(f)
        for panel in dashboard.get("panels", []):
            for target in panel.get("targets", []):
                yield f"{path}: panel '{panel.get('title')}'", target["expr"], None
    else:
        import yaml
        with open(path) as f:
            rules = yaml.safe_load(f) or {}
        for group in rules.get("groups", []):
            for rule in group.get("rules", []):
                yield f"{path}: {rule.get('alert') or rule.get('record')}", rule["expr"], rule.get("record")


def metric_names(expr):
    """Identifiers of an expression that are metric names: not functions, keywords, labels or strings."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)          # strings
    text = re.sub(r"\{[^}]*\}", "", text)                     # label matchers
    text = re.sub(r"\[[^\]]*\]", "", text)                    # ranges
    text = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", text)
    names = set()
    for match in re.finditer(r"[A-Za-z_:][A-Za-z0-9_:]*", text):
        name = match.group(0)
        following = text[match.end():].lstrip()
        if name.lower() in KEYWORDS or following.startswith("("):
            continue
        if re.fullmatch(r"\d+[smhdwy]", name) or text[max(0, match.start() - 1)].isdigit():
            continue
        names.add(name)
    return names


def get(base, path, **params):
    url = f"{base}{path}?{urllib.parse.urlencode(params)}"
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return json.load(answer)
    except urllib.error.HTTPError as e:
        return json.load(e)


def main():
    base, files = sys.argv[1].rstrip("/"), sys.argv[2:]
    known = set(get(base, "/api/v1/label/__name__/values")["data"])
    found = [e for path in files for e in expressions(path)]
    known |= {record for _, _, record in found if record}
    failures = 0
    for where, expr, _ in found:
        answer = get(base, "/api/v1/query", query=expr)
        missing = sorted(metric_names(expr) - known)
        if answer.get("status") != "success":
            print(f"FAIL {where}: {answer.get('error')}\n     {expr}")
            failures += 1
        elif missing:
            print(f"FAIL {where}: no service exports {', '.join(missing)}\n     {expr}")
            failures += 1
    print(f"promql-check: {len(found)} expressions, {failures} failed")
    return 1 if failures or not found else 0


if __name__ == "__main__":
    sys.exit(main())
