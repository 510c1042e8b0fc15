"""The apps depend one way (house rule 28): comments may import articles, never the reverse; accounts imports
neither; the project package imports no app but from its settings and URLs. Read from the source, so an import
inside a function counts too."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ("articles", "accounts", "comments", "throttling")
# newsblog/ modules that name apps on purpose: the settings list them, the URLs route to them.
PROJECT_MODULES_THAT_MAY_IMPORT_APPS = {"settings.py", "urls.py"}


def imported_modules(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append(node.module)
    return found


def imports_of(package: str, *, skip=frozenset()) -> dict[str, list[str]]:
    return {
        str(path.relative_to(ROOT)): imported_modules(path)
        for path in sorted((ROOT / package).rglob("*.py"))
        if path.name not in skip
    }


def from_packages(modules: list[str], packages) -> list[str]:
    return [name for name in modules if name.split(".")[0] in packages]


def test_no_module_of_articles_imports_comments():
    offending = {
        path: found
        for path, modules in imports_of("articles").items()
        if (found := from_packages(modules, {"comments"}))
    }
    assert offending == {}


def test_accounts_imports_neither_articles_nor_comments():
    imports = imports_of("accounts")
    offending = {
        path: found for path, modules in imports.items() if (found := from_packages(modules, {"articles", "comments"}))
    }
    assert offending == {}


def test_the_project_package_imports_apps_only_in_its_settings_and_urls():
    imports = imports_of("newsblog", skip=PROJECT_MODULES_THAT_MAY_IMPORT_APPS)
    offending = {path: found for path, modules in imports.items() if (found := from_packages(modules, APPS))}
    assert offending == {}


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("from comments.models import Comment", ["comments.models"]),
        ("def f():\n    import comments.discussion", ["comments.discussion"]),
        ("from . import models", []),
    ],
)
def test_the_check_sees_imports_anywhere_in_a_module(tmp_path, source, found):
    module = tmp_path / "module.py"
    module.write_text(source)
    assert from_packages(imported_modules(module), {"comments"}) == found


def test_comments_provide_the_article_pages_discussion():
    from articles import page_parts
    from comments import discussion

    assert page_parts.discussion() is discussion
