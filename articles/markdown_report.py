"""What the body's sanitizer (articles/markdown.py) will leave out, named for the editor, so that nothing typed is
dropped silently: the admin warns at save and beside its preview."""

from html.parser import HTMLParser

import markdown as md

from articles.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, ALLOWED_URL_SCHEMES, EXTENSIONS

NAMED_TAGS = {
    "img": "an image (the ![…](…) syntax or <img>): use the Photo field for the story's photo",
    "iframe": "an iframe: for a video or post, put the provider's link on a line of its own",
    "script": "a script",
    "style": "a style block",
    "video": "a video element",
    "audio": "an audio element",
    "object": "an embedded object",
    "embed": "an embedded object",
    "form": "a form",
    "input": "a form field",
}


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: dict[str, None] = {}  # ordered, without repeats

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.found[NAMED_TAGS.get(tag, f"raw HTML <{tag}>")] = None
            return
        allowed = ALLOWED_ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            if name not in allowed:
                self.found[f"the {name}= attribute on <{tag}>"] = None
            elif name == "href" and value and ":" in value.split("/")[0]:
                scheme = value.split(":", 1)[0].strip().lower()
                if scheme not in ALLOWED_URL_SCHEMES:
                    self.found[f"a link to a {scheme}: address"] = None

    handle_startendtag = handle_starttag


def dropped_markup(text: str) -> list[str]:
    """Each kind of thing in `text` that the page will not show, once, in order of appearance."""
    collector = _Collector()
    collector.feed(md.markdown(text, extensions=EXTENSIONS, output_format="html"))
    collector.close()
    return list(collector.found)
