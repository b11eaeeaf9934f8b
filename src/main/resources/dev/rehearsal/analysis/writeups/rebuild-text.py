#!/usr/bin/env python3
"""Rebuild the text of write-ups from their source repositories.

writeups.jsonl ships the text of every write-up whose licence allows it. For the others it
ships the labels and the coordinates (source repository, commit, path) with an empty "text".
This script re-creates that text from local clones of the source repositories, using the same
extraction and trimming rules that produced the shipped text.

Usage:
    python3 rebuild-text.py --repos DIR [--all] [--check] writeups.jsonl > rebuilt.jsonl

DIR holds one clone per source repository, named either "owner/name" (nested) or "owner+name".
The clone must contain the recorded commit (a full clone, or one fetched at that commit).
By default only records with an empty "text" are rebuilt; --all rebuilds every record.
--check compares rebuilt text with shipped text and reports differences instead of writing.

Standard library only; needs git on the PATH.
"""

import argparse
import html
import json
import os
import re
import subprocess
import sys

MAX_CHARS = 6000

# Sections dropped first when a document is too long: they hold the least about the cause.
LOW_VALUE_HEADINGS = re.compile(
    r"timeline|appendix|chat log|logs?$|attendees|slack|what went well|where we got lucky",
    re.IGNORECASE,
)
ROOT_CAUSE_MARKER = re.compile(
    r"^(#+\s*)?(root cause|root causes|what happened|fault|cause)\b|^ROOT CAUSE", re.IGNORECASE
)

YAML_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n?", re.DOTALL)
TOML_FRONT_MATTER = re.compile(r"\A\+\+\+\n(.*?)\n\+\+\+\n?", re.DOTALL)
# Pelican-style metadata: "key: value" lines up to the first blank line, without delimiters.
PELICAN_HEADER = re.compile(r"\A(?:[A-Za-z_]+:.*\n)+\n", re.MULTILINE)

# Status pages and blogs whose title lives in the front matter; it is put back as the first line.
TITLE_IN_FRONT_MATTER = (
    "jenkins-infra/status",
    "rust-lang/blog.rust-lang.org",
    "X4BNet/x4b-status",
    "hachyderm/community",
    "berkeley-dsep-infra/datahub",
    "usegalaxy-eu/website",
    "CocoaPods/blog.cocoapods.org",
    "wmde/wikibase-cloud-status",
)
# Status pages that keep every incident in one file: a record is the "## <title>" section.
ONE_FILE_INCIDENT_LOGS = ("lambda-feedback/user-documentation",)
# Blog posts exported from a blog engine as HTML inside Markdown: entities are decoded too.
HTML_EXPORTS = ("apache/infrastructure-website",)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
HTML_TAG_NAMES = (
    "a|b|i|u|s|em|strong|br|p|div|span|img|sup|sub|code|pre|table|thead|tbody|tr|td|th|ul|ol|"
    "li|h[1-6]|hr|details|summary|blockquote|font|center|small|strike|del|ins|kbd|iframe|"
    "video|source|figure|figcaption|picture"
)
HTML_TAG = re.compile(r"</?(?:" + HTML_TAG_NAMES + r")(\s[^<>]*)?/?>", re.IGNORECASE)


def git_show(repo_dir, commit, path):
    out = subprocess.run(
        ["git", "-C", repo_dir, "show", f"{commit}:{path}"], capture_output=True, check=True
    )
    return out.stdout.decode("utf-8", "replace")


def clean(text):
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = HTML_COMMENT.sub("", text)
    text = HTML_TAG.sub("", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"


def split_sections(text):
    """Split Markdown into (heading, body) chunks; the preamble has heading None."""
    sections, heading, lines = [], None, []
    for line in text.split("\n"):
        if re.match(r"^#{1,6}\s", line):
            sections.append((heading, lines))
            heading, lines = line, [line]
        else:
            lines.append(line)
    sections.append((heading, lines))
    return sections


def trim(text):
    """Return (text, trimmed). Keeps summary and root cause when the document is too long."""
    if len(text) <= MAX_CHARS:
        return text, False
    sections = split_sections(text)
    kept = [
        s for s in sections if s[0] is None or not LOW_VALUE_HEADINGS.search(s[0].lstrip("# "))
    ]
    text2 = "\n".join("\n".join(lines) for _, lines in kept)
    text2 = re.sub(r"\n{3,}", "\n\n", text2).strip() + "\n"
    if len(text2) <= MAX_CHARS:
        return text2, True
    lines = text2.split("\n")
    rc_line = next((i for i, l in enumerate(lines) if ROOT_CAUSE_MARKER.search(l.strip())), None)
    head_budget = MAX_CHARS
    if rc_line is not None:
        rc_text = "\n".join(lines[rc_line:])
        if len("\n".join(lines[:rc_line])) > MAX_CHARS // 2:
            head_budget = MAX_CHARS // 2 - 10
            head = cut("\n".join(lines[:rc_line]), head_budget)
            tail = cut(rc_text, MAX_CHARS - len(head) - 10)
            return head + "\n[...]\n" + tail, True
    return cut(text2, head_budget - 10) + "\n[...]\n", True


def cut(text, budget):
    if len(text) <= budget:
        return text.rstrip("\n")
    piece = text[:budget]
    nl = piece.rfind("\n")
    if nl > budget // 2:
        piece = piece[:nl]
    return piece.rstrip()


def extract(record, repo_dir):
    """Return the cleaned, possibly trimmed text of one record, and whether it was trimmed."""
    source, commit, path = record["source"], record["commit"], record["path"]
    raw = git_show(repo_dir, commit, path)
    if source == "hoangtnm/CloudIR-Bench":
        key = record["id"].rsplit("/", 1)[1]
        report = json.loads(raw)[key]
        parts = [report["title"]]
        for field in [
            "summary",
            "impact",
            "root cause",
            "diagnosis",
            "mitigation",
            "workaround",
            "long-term mitigation",
        ]:
            value = str(report.get(field, "")).strip()
            if value and value != "N/A":
                parts.append(f"{field.capitalize()}: {value}")
        text = "\n\n".join(parts)
    elif source == "IntelligentDDS/Post-mortems-Analysis" and "/google/" in path:
        m = re.search(r"^# .*Incident #\d+.*$", raw, re.MULTILINE)
        text = raw[m.start():] if m else raw
    elif source in ONE_FILE_INCIDENT_LOGS:
        text = section(raw.replace("\r\n", "\n"), record["title"])
    elif source in HTML_EXPORTS:
        m = PELICAN_HEADER.match(raw)
        text = raw[m.end():] if m else raw
        text = re.sub(r"<br\b[^>]*>|</p>|</h[1-6]>|</li>", "\n", text, flags=re.IGNORECASE)
        text = html.unescape(HTML_TAG.sub("", text)).replace("\u00a0", " ")
        text = f"# {record['title']}\n\n{text}"
    else:
        text = raw.replace("\r\n", "\n")
        m = YAML_FRONT_MATTER.match(text) or TOML_FRONT_MATTER.match(text)
        if m:
            text = text[m.end():]
            if source in TITLE_IN_FRONT_MATTER:
                text = f"# {record['title']}\n\n{text}"
    return trim(clean(text))


def section(text, title):
    """The "## title" section of a Markdown file, up to the next level-2 heading, as "# title"."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == f"## {title}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return "\n".join([f"# {title}"] + lines[start + 1 : end])


def find_clone(repos, source):
    for candidate in (os.path.join(repos, source), os.path.join(repos, source.replace("/", "+"))):
        if os.path.isdir(candidate):
            return candidate
    raise FileNotFoundError(f"no clone of {source} under {repos}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("jsonl")
    parser.add_argument("--repos", required=True)
    parser.add_argument("--all", action="store_true")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    differences = 0
    with open(args.jsonl, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if args.all or not record["text"]:
                text, trimmed = extract(record, find_clone(args.repos, record["source"]))
                if args.check:
                    if record["text"] and record["text"] != text:
                        differences += 1
                        print(f"differs: {record['id']}", file=sys.stderr)
                    continue
                record["text"], record["trimmed"] = text, trimmed
            if not args.check:
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    if args.check:
        print(f"{differences} record(s) differ", file=sys.stderr)
        sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
