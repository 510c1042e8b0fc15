"""Flows 2, 3 and 6: a reader goes from "You need to login to leave a comment." through log-in or sign-up back to
the article's comment form, posts, and sees the comment; the same with JavaScript off."""

import re

import pytest
from playwright.sync_api import expect

from comments.models import Comment
from tests.browser.support import PASSWORD
from tests.factories import make_user

pytestmark = pytest.mark.browser

JAVASCRIPT = pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])


def open_comment_gate(new_context, story, javascript):
    page = new_context(java_script_enabled=javascript).new_page()
    page.goto(story.get_absolute_url())
    comments = page.locator("#comments")
    expect(comments.get_by_role("heading", name="Leave a comment")).to_be_visible()
    expect(comments.get_by_text("You need to login to leave a comment.")).to_be_visible()
    return page, comments


def assert_back_at_the_comment_form(page, story):
    expect(page).to_have_url(re.compile(re.escape(story.get_absolute_url()) + r"(\?.*)?#comments$"))
    comments = page.locator("#comments")
    expect(comments.get_by_text("You need to login to leave a comment.")).to_have_count(0)
    expect(comments.get_by_role("textbox")).to_be_visible()
    return comments


def post_and_see_comment(page, comments, text, *, typed=False):
    """Type (unless `typed` already) and post a comment; the reader then sees it, marked as waiting when moderation
    holds it back."""
    if not typed:
        comments.get_by_role("textbox").fill(text)
    comments.get_by_role("button", name="Post comment").click()

    comment = Comment.objects.get(body=text)
    expect(page).to_have_url(re.compile(rf"#comment-{comment.pk}$"))
    shown = page.locator(f"#comment-{comment.pk}")
    expect(shown).to_contain_text(text)
    if comment.status != Comment.Status.APPROVED:
        expect(shown).to_contain_text(re.compile("awaiting moderation", re.IGNORECASE))


@JAVASCRIPT
def test_reader_logs_in_from_the_comment_gate_and_posts_a_comment(javascript, new_context, story):
    make_user(username="nadia", password=PASSWORD)
    page, comments = open_comment_gate(new_context, story, javascript)

    comments.get_by_role("link", name="Log-in").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    page.get_by_label("Username").fill("nadia")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()

    comments = assert_back_at_the_comment_form(page, story)
    post_and_see_comment(page, comments, "Customs unions take years to pay off; the article is right to be cautious.")


@JAVASCRIPT
def test_new_reader_signs_up_from_the_comment_gate_and_posts_a_comment(javascript, new_context, story):
    page, comments = open_comment_gate(new_context, story, javascript)

    comments.get_by_role("link", name="sign up").click()
    expect(page.get_by_role("heading", name="Sign up")).to_be_visible()
    main = page.get_by_role("main")
    main.get_by_label("Username").fill("omar")
    main.get_by_label("Email address").fill("omar@example.com")
    main.get_by_label("Password", exact=True).fill(PASSWORD)
    main.get_by_label("Password confirmation").fill(PASSWORD)
    main.get_by_role("button", name="Create account").click()

    comments = assert_back_at_the_comment_form(page, story)
    post_and_see_comment(page, comments, "First time commenting: the map in the second paragraph helped a lot.")


@JAVASCRIPT
def test_comment_typed_before_logging_in_is_kept_and_posted_after(javascript, new_context, story):
    make_user(username="nadia", password=PASSWORD)
    page, comments = open_comment_gate(new_context, story, javascript)
    text = "The second paragraph gets the pipeline's length wrong, I think."

    comments.get_by_role("textbox").fill(text)
    comments.get_by_role("button", name="Post comment").click()
    page.get_by_label("Username").fill("nadia")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()

    comments = assert_back_at_the_comment_form(page, story)
    expect(comments.get_by_role("textbox")).to_have_value(text)
    assert not story.comments.exists(), "nothing is posted until the reader presses the button again"
    post_and_see_comment(page, comments, text, typed=True)
