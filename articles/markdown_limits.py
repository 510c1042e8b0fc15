"""Limits that keep an article body quick to turn into HTML, checked when an editor saves it.

Python-Markdown has inputs that take quadratic time or overflow the stack: unclosed brackets ("[a](" * 12000, 48 KB,
took a worker past its 30 s timeout), runs of "<", underlined headings, deep quote and list nesting. Rather than
guess every shape, the body is converted once in a child process that the kernel stops after RENDER_CPU_SECONDS of
CPU (SIGPROF's default action ends it, even inside C code); a body that does not finish is refused with a message.
The child is a fresh interpreter with only Markdown imported, so nothing of this process (threads, database
connections) is shared with it. `python -m tests.security.markdown_worst_case` prints the slowest body accepted.
"""

import json
import subprocess
import sys

from django.core.exceptions import ValidationError

from articles.markdown import EXTENSIONS

MAX_BODY_CHARS = 100_000
RENDER_CPU_SECONDS = 1.0
# The child's own start (about 0.2 s, more on a busy machine) is not counted against it; this only stops a child
# that gets no CPU at all.
WALL_SECONDS = 15

TOO_LONG = "Keep the body under {limit:,} characters (it has {length:,}). Split a very long story into parts."
TOO_COMPLEX = (
    "This body is too complex to format: turning its Markdown into HTML takes more than a second. Look for long runs "
    "of unclosed brackets “[”, “(” or “<”, quotes or lists nested many levels deep, or lines of “=” or “-” under "
    "many lines, and simplify them."
)

_CHILD = """
import json, signal, sys
import markdown
text, extensions, seconds = sys.stdin.read(), json.loads(sys.argv[1]), float(sys.argv[2])
markdown.markdown("", extensions=extensions)
signal.setitimer(signal.ITIMER_PROF, seconds)
markdown.markdown(text, extensions=extensions, output_format="html")
"""


def check_body(text: str) -> None:
    """Raise ValidationError unless `text` is short enough and converts within RENDER_CPU_SECONDS."""
    if len(text) > MAX_BODY_CHARS:
        raise ValidationError(TOO_LONG.format(limit=MAX_BODY_CHARS, length=len(text)), code="too_long")
    if not converts_in_time(text):
        raise ValidationError(TOO_COMPLEX, code="too_complex")


def converts_in_time(text: str) -> bool:
    command = [sys.executable, "-I", "-c", _CHILD, json.dumps(EXTENSIONS), str(RENDER_CPU_SECONDS)]
    try:
        child = subprocess.run(  # noqa: S603  (our own interpreter and code; the body goes in on stdin)
            command, input=text, text=True, capture_output=True, timeout=WALL_SECONDS, check=False
        )
    except subprocess.TimeoutExpired:
        return False
    # 0 when it finished; -SIGPROF when stopped, 1 when Markdown raised (RecursionError on deep nesting).
    return child.returncode == 0
