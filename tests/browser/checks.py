"""Measurements taken inside the browser: axe-core, layout at phone width, keyboard order, layout shift.

Each function returns a list of readable problems (empty when the page is fine), so a failing assertion names the
element and the number that is wrong instead of only saying "False".
"""

from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import SESSION_KEY
from django.test import Client

MIN_TARGET_PX = 24  # WCAG 2.2 target size (minimum), 2.5.8
MIN_TEXT_PX = 16

_axe = Axe()

# Shared by the measurements below: what counts as a control, and a short, recognisable description of an element
# for failure messages.
_DESCRIBE_JS = """
window.__controls = 'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea, '
  + 'summary, [tabindex]';
window.__describe = (el) => {
  let text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ');
  const cls = el.classList.length ? '.' + [...el.classList].join('.') : '';
  return `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls}> "${text.slice(0, 40)}"`;
};
"""


# axe-core's default rule set, plus WCAG 2.2's target size, which axe leaves off by default.
_AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}


def axe_violations(page):
    """Every axe-core violation on the page, at any impact, as one line per rule and element."""
    results = _axe.run(page, options=_AXE_OPTIONS)
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']} {node.get('failureSummary', '').strip()}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


def horizontal_overflow(page):
    """Elements that stick out past the right edge, when the page scrolls sideways; empty when it does not."""
    return page.evaluate(
        _DESCRIBE_JS
        + """
        (() => {
          const root = document.documentElement;
          if (root.scrollWidth <= root.clientWidth) return [];
          const inScroller = (el) => {
            for (let p = el.parentElement; p; p = p.parentElement) {
              if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true;
            }
            return false;
          };
          const wide = [...document.body.querySelectorAll('*')].filter(
            (el) => el.getBoundingClientRect().right > root.clientWidth + 0.5 && !inScroller(el));
          const edge = (el) => ` right edge at ${el.getBoundingClientRect().right}px`;
          return [`page is ${root.scrollWidth}px wide in a ${root.clientWidth}px viewport`,
                  ...wide.slice(0, 10).map((el) => __describe(el) + edge(el))];
        })()
        """
    )


def small_tap_targets(page):
    """Visible controls smaller than 24x24 px, leaving out links inside a line of text (WCAG's inline exception)."""
    return page.evaluate(
        _DESCRIBE_JS
        + f"""
        (() => {{
          const isInline = (el) => getComputedStyle(el).display === 'inline'
            && el.parentElement.innerText.trim().length > el.innerText.trim().length;
          return [...document.querySelectorAll(__controls)]
            .filter((el) => el.checkVisibility({{visibilityProperty: true}}) && el.tabIndex >= 0 && !isInline(el))
            .map((el) => [el, el.getBoundingClientRect()])
            .filter(([el, r]) => r.width > 1 && (r.width < {MIN_TARGET_PX} || r.height < {MIN_TARGET_PX}))
            .map(([el, r]) => __describe(el) + ` is ${{Math.round(r.width)}}x${{Math.round(r.height)}}px`);
        }})()
        """
    )


def small_text(page):
    """Visible text (and form fields) set smaller than 16 px. Visually hidden text (1 px boxes) is left out."""
    return page.evaluate(
        _DESCRIBE_JS
        + f"""
        (() => {{
          const elements = new Set(document.querySelectorAll('input:not([type=hidden]), select, textarea, button'));
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {{
            if (walker.currentNode.textContent.trim()) elements.add(walker.currentNode.parentElement);
          }}
          const problems = [];
          for (const el of elements) {{
            const r = el.getBoundingClientRect();
            if (!el.checkVisibility({{visibilityProperty: true}}) || r.width <= 1 || r.height <= 1) continue;
            const size = parseFloat(getComputedStyle(el).fontSize);
            if (size < {MIN_TEXT_PX}) problems.push(__describe(el) + ` is ${{size}}px`);
          }}
          return problems;
        }})()
        """
    )


def images_without_dimensions(page):
    """Images that would shift the layout while loading because they lack width/height attributes."""
    return page.eval_on_selector_all(
        "img",
        "imgs => imgs.filter(i => !i.getAttribute('width') || !i.getAttribute('height')).map(i => i.outerHTML)",
    )


def layout_shift(page):
    """The page's cumulative layout shift so far (0 when nothing moved while loading)."""
    return page.evaluate(
        """
        new Promise((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
          }).observe({type: 'layout-shift', buffered: true});
          setTimeout(() => resolve(total), 50);
        })
        """
    )


def focusable_elements(page):
    """Descriptions of the controls a keyboard should reach, in document order (no positive tabindex on this site)."""
    return page.evaluate(
        _DESCRIBE_JS
        + """
        (() => [...document.querySelectorAll(__controls)]
          .filter((el) => el.tabIndex >= 0 && el.checkVisibility({visibilityProperty: true}))
          .map((el) => __describe(el)))()
        """
    )


def tab_through(page, limit=400):
    """Press Tab from the top of the page until focus leaves it; return each focused element and whether its focus
    indicator is visible (an outline of at least 2 px or a box shadow)."""
    # Start from the top of the document even when a field has autofocus: focus an unfocusable-by-Tab marker placed
    # before everything else, so the next Tab goes to the first control.
    page.evaluate(
        """() => {
          const start = document.createElement('span');
          start.tabIndex = -1;
          document.body.prepend(start);
          start.focus();
        }"""
    )
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(
            _DESCRIBE_JS
            + """
            (() => {
              const el = document.activeElement;
              if (!el || el === document.body) return null;
              const style = getComputedStyle(el);
              const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
              return {name: __describe(el), visible: outlined || style.boxShadow !== 'none'};
            })()
            """
        )
        if stop is None or (stops and stop["name"] == stops[0]["name"] and len(stops) > 1):
            break
        stops.append(stop)
    return stops


def keyboard_problems(page):
    """What is wrong with reaching the page's controls by Tab: the skip link must come first, every control must be
    reached in document order, and each must show where the focus is."""
    stops = tab_through(page)
    names = [stop["name"] for stop in stops]
    problems = []
    if not names or not names[0].startswith('<a.skip-link> "Skip to main content"'):
        problems.append(f"the first Tab goes to {names[0] if names else 'nothing'}, not the skip link")
    expected = focusable_elements(page)
    if names != expected:
        diverge = next((i for i, pair in enumerate(zip(names, expected, strict=False)) if pair[0] != pair[1]), None)
        diverge = min(len(names), len(expected)) if diverge is None else diverge
        problems.append(
            f"Tab reaches {len(names)} of {len(expected)} controls; stop {diverge + 1} is "
            f"{names[diverge] if diverge < len(names) else 'nothing'}, expected "
            f"{expected[diverge] if diverge < len(expected) else 'nothing'}"
        )
    problems += [f"{stop['name']} shows no focus indicator" for stop in stops if not stop["visible"]]
    return problems


def log_in(context, user, live_server):
    """Give a browser context a logged-in session for `user` without going through the form."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    assert client.session[SESSION_KEY] == str(user.pk)
