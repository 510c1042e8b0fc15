"""Print the slowest article body that the admin still accepts: `python -m tests.security.markdown_worst_case`.

For each shape known to be slow in Python-Markdown, bodies of growing length (doubling, up to the length limit) go
through check_body() as a save in the admin would; each accepted one is then rendered here as Article.save() does,
and its CPU time printed. A shape stops at its first refusal. A measurement, not a test: figures depend on the machine.
"""

import os
import time

import django

SHAPES = {
    "unclosed links [a](": "[a](",
    "unclosed brackets [": "[",
    "unclosed images ![a](": "![a](",
    "emphasis and bracket *[": "*[",
    "unclosed tags <a": "<a ",
    "unclosed autolinks <http://": "<http://",
    "nested brackets [[[...]]]": None,  # built by nested()
    "deep quotes > > >": "> ",
    "quote lines >>>> a": None,  # built by quote_lines()
    "bullet list on one line - - -": "- ",
    "numbered list on one line 1. 1.": "1. ",
    "definition lists a : b": "a\n: b\n",
    "underlined headings a =": "a\n=\n",
    "backslashes": "\\",
    "ampersands": "&",
    "code spans `a": "`a",
    "strong emphasis ***a": "***a",
    "link chain [a](http://x)": "[a](https://example.org/a) ",
    "reference links [a][b]": "[a][r] ",
    "footnotes a[^n]": None,  # built by footnotes()
    "plain prose": "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ",
}


def nested(length: int) -> str:
    depth = (length - 4) // 2
    return "[" * depth + "a" + "]" * depth + "(x)"


def quote_lines(length: int) -> str:
    lines, size, depth = [], 0, 1
    while size + depth + 3 <= length:
        lines.append(">" * depth + " a\n")
        size, depth = size + depth + 3, depth + 1
    return "".join(lines)


def footnotes(length: int) -> str:
    notes, n = [], 0
    while sum(map(len, notes)) < length - 40:
        notes.append(f"a[^{n}]\n\n[^{n}]: note\n\n")
        n += 1
    return "".join(notes)


BUILDERS = {"nested brackets [[[...]]]": nested, "quote lines >>>> a": quote_lines, "footnotes a[^n]": footnotes}


def body(shape: str, length: int) -> str:
    if shape in BUILDERS:
        return BUILDERS[shape](length)
    unit = SHAPES[shape]
    text = unit * (length // len(unit))
    return text + "\n\n[r]: https://example.org/r\n" if "[r]" in unit else text


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsblog.settings")
    os.environ.setdefault("DEBUG", "1")
    django.setup()
    from django.core.exceptions import ValidationError

    from articles.markdown import render_markdown
    from articles.markdown_limits import MAX_BODY_CHARS, RENDER_CPU_SECONDS, check_body

    print(f"Length limit {MAX_BODY_CHARS:,} characters; conversion limit {RENDER_CPU_SECONDS} s of CPU.")
    print(f"{'shape':34} {'longest accepted':>17} {'render CPU':>11} {'first refused':>14}")
    worst = (0.0, "", 0)
    lengths = [min(1500 * 2**step, MAX_BODY_CHARS) for step in range(8)]
    for shape in SHAPES:
        accepted, seconds, refused = 0, 0.0, "-"
        for length in sorted(set(lengths)):
            text = body(shape, length)
            try:
                check_body(text)
            except ValidationError:
                refused = f"{len(text):,}"
                break
            start = time.process_time()
            render_markdown(text)
            accepted, seconds = len(text), time.process_time() - start
            worst = max(worst, (seconds, shape, accepted))
        print(f"{shape:34} {accepted:>17,} {seconds:>10.3f}s {refused:>14}", flush=True)
    seconds, shape, length = worst
    print(f"Worst accepted: {shape}, {length:,} characters, {seconds:.3f} s of CPU to render.")


if __name__ == "__main__":
    main()
