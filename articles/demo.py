"""The demo stories of seed_demo: one Markdown file per story under articles/demo/, its fields in front matter.

    ---
    headline: Ankara and Seoul Sign Roadmap to Deepen Trade, Rail and Energy Ties
    category: World News
    authors: leyla-arslan
    tags: diplomacy, trade
    status: published            (published, scheduled or draft)
    published: 2026-04-14 17:00  (UTC; the day the text's "on Tuesday" refers to)
    featured: yes
    comments_open: no            (optional, yes by default)
    standfirst: One line.
    ---
    The body, in Markdown.

The file name is the slug. Values are plain text to the end of the line; authors and tags are comma-separated.

The site's own pages (About, Contact, Privacy, Corrections) are under articles/demo/pages/, with `url` and `title`.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path

STORIES_DIR = Path(__file__).resolve().parent / "demo"
PAGES_DIR = STORIES_DIR / "pages"
STATUSES = {"published", "scheduled", "draft"}


class DemoStoryError(ValueError):
    """A story file that cannot be read: the message names the file and what is wrong."""


@dataclass(frozen=True)
class DemoStory:
    slug: str
    headline: str
    category: str
    authors: list[str]
    tags: list[str]
    status: str
    published: datetime.datetime | None
    featured: bool
    comments_open: bool
    standfirst: str
    body: str


def _front_matter(path: Path) -> tuple[dict[str, str], str]:
    text = path.read_text(encoding="utf-8")
    opening, _, rest = text.partition("---\n")
    fields, separator, body = rest.partition("\n---\n")
    if opening.strip() or not separator:
        raise DemoStoryError(f"{path.name}: expected front matter between two '---' lines at the top")
    values = {}
    for line in fields.splitlines():
        name, colon, value = line.partition(":")
        if not colon:
            raise DemoStoryError(f"{path.name}: front matter line without a colon: {line!r}")
        values[name.strip()] = value.strip()
    return values, body.strip() + "\n"


def _listed(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _yes(path: Path, value: str) -> bool:
    if value not in {"yes", "no"}:
        raise DemoStoryError(f"{path.name}: expected yes or no, not {value!r}")
    return value == "yes"


def read_story(path: Path) -> DemoStory:
    values, body = _front_matter(path)
    missing = {"headline", "category", "authors", "status", "standfirst"} - values.keys()
    if missing:
        raise DemoStoryError(f"{path.name}: missing {', '.join(sorted(missing))}")
    status = values["status"]
    if status not in STATUSES:
        raise DemoStoryError(f"{path.name}: status must be one of {', '.join(sorted(STATUSES))}")
    published = None
    if status == "published":
        try:
            published = datetime.datetime.fromisoformat(values["published"]).replace(tzinfo=datetime.UTC)
        except (KeyError, ValueError) as error:
            raise DemoStoryError(f"{path.name}: a published story needs 'published: YYYY-MM-DD HH:MM'") from error
    return DemoStory(
        slug=path.stem,
        headline=values["headline"],
        category=values["category"],
        authors=_listed(values["authors"]),
        tags=_listed(values.get("tags", "")),
        status=status,
        published=published,
        featured=_yes(path, values.get("featured", "no")),
        comments_open=_yes(path, values.get("comments_open", "yes")),
        standfirst=values["standfirst"],
        body=body,
    )


def stories(directory: Path = STORIES_DIR) -> list[DemoStory]:
    """Every story file, in file-name order."""
    return [read_story(path) for path in sorted(directory.glob("*.md"))]


@dataclass(frozen=True)
class DemoPage:
    url: str
    title: str
    body: str


def pages(directory: Path = PAGES_DIR) -> list[DemoPage]:
    """The site's demo pages, in file-name order; their body is Markdown."""
    found = []
    for path in sorted(directory.glob("*.md")):
        values, body = _front_matter(path)
        if not {"url", "title"} <= values.keys():
            raise DemoStoryError(f"{path.name}: a page needs a url and a title")
        found.append(DemoPage(url=values["url"], title=values["title"], body=body))
    return found
