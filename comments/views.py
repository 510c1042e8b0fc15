from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from articles.models import Article
from comments import discussion, services
from comments.forms import CommentForm, CommentTextForm
from comments.models import Comment
from throttling.clientip import client_ip, client_key
from throttling.limits import attempt, minutes


def _form_page(request, *, article, form, status: int, comment=None, message: str = "", headers=None):
    """The comment form on a page of its own: to edit, or after a refusal, with the reason and the text as typed."""
    context = {"article": article, "form": form, "comment": comment, "refusal": message}
    response = render(request, "comments/comment_form.html", context, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _from_our_site(request) -> bool:
    """False for a cross-site form post. Browsers send Origin with every POST that can carry it, and "null" for a
    page that hides where it is (a sandboxed frame, a no-referrer policy), so only a missing Origin or our exact
    origin is taken; a browser that says the post is cross-site (Sec-Fetch-Site) is believed too."""
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    return origin in {f"{request.scheme}://{request.get_host()}", _origin(settings.SITE_URL)}


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


# The article page is shared from the page cache by every anonymous reader, so its comment box carries no CSRF token.
# An anonymous post therefore skips the CSRF check: it only keeps a draft in the poster's own session and posts
# nothing. Everyone logged in goes through csrf_protect, as with any other form.
@csrf_exempt
@require_POST
def post_comment(request, slug):
    article = get_object_or_404(Article.objects.published(), slug=slug)
    form = CommentForm(request.POST, article=article)
    if not article.comments_open:
        message = "Comments are closed on this article."
        return _form_page(request, article=article, form=form, status=403, message=message)
    if request.user.is_authenticated:
        return _post_as_user(request, article=article, form=form)
    if not _from_our_site(request):
        message = "Comments can only be posted from our own pages."
        return _form_page(request, article=article, form=form, status=403, message=message)
    if not form.is_valid():
        return _form_page(request, article=article, form=form, status=400)
    # Each kept draft is a session row: a per-network limit, counted in the database, so no script can fill the table.
    limit, seconds = settings.COMMENTS_ANONYMOUS_DRAFTS
    retry_after = attempt(scope="comment-draft", key=client_key(request), limit=limit, seconds=seconds)
    if retry_after:
        message = (
            "Too many comments from your network without logging in. "
            f"Please log in, or try again in {minutes(retry_after)}."
        )
        headers = {"Retry-After": str(retry_after)}
        return _form_page(request, article=article, form=form, status=429, message=message, headers=headers)
    discussion.keep_draft(request.session, article=article, **form.cleaned_data)
    messages.info(request, "Log in or sign up to post your comment. What you wrote is kept for you.")
    return redirect_to_login(f"{article.get_absolute_url()}#comments")


@csrf_protect
def _post_as_user(request, *, article, form):
    if not form.is_valid():
        return _form_page(request, article=article, form=form, status=400)
    try:
        comment = services.comment_post(
            article=article, user=request.user, ip_address=client_ip(request), **form.cleaned_data
        )
    except services.DuplicateComment as duplicate:
        if duplicate.existing.status in (Comment.Status.APPROVED, Comment.Status.PENDING):
            messages.info(request, "You had already posted this comment; here it is.")
            return redirect(discussion.comment_url(duplicate.existing, viewer=request.user))
        form.add_error("body", duplicate.message)
        return _form_page(request, article=article, form=form, status=duplicate.status)
    except services.PostingTooFast as refusal:
        form.add_error("body", refusal.message)
        headers = {"Retry-After": str(refusal.retry_after)}
        return _form_page(request, article=article, form=form, status=refusal.status, headers=headers)
    except services.CommentRefused as refusal:
        form.add_error("body", refusal.message)
        return _form_page(request, article=article, form=form, status=refusal.status)
    discussion.drop_draft(request.session, article=article)
    if comment.status == Comment.Status.PENDING:
        messages.info(request, f"Your comment is awaiting moderation. {comment.moderation_note}")
    else:
        messages.success(request, "Your comment is posted.")
    return redirect(discussion.comment_url(comment, viewer=request.user))


def _own_comment(request, pk) -> Comment:
    """The viewer's own comment that is still shown on a published article, or 404, so nobody learns about anyone
    else's comments."""
    shown = Comment.objects.select_related("article").filter(
        status__in=[Comment.Status.APPROVED, Comment.Status.PENDING],
        # Only while its article is public: an unpublished article's headline and discussion are nobody's business.
        article__in=Article.objects.published(),
    )
    return get_object_or_404(shown, pk=pk, user=request.user)


@login_required
@require_http_methods(["GET", "POST"])
def edit_comment(request, pk):
    comment = _own_comment(request, pk)
    form = CommentTextForm(request.POST if request.method == "POST" else None, initial={"body": comment.body})
    if form.is_bound and form.is_valid():
        try:
            services.comment_edit(comment=comment, user=request.user, body=form.cleaned_data["body"])
        except services.CommentRefused as refusal:
            form.add_error("body", refusal.message)
            return _form_page(request, article=comment.article, form=form, comment=comment, status=refusal.status)
        if comment.status == Comment.Status.PENDING:
            messages.info(request, f"Your comment is updated and awaiting moderation. {comment.moderation_note}")
        else:
            messages.success(request, "Your comment is updated.")
        return redirect(discussion.comment_url(comment, viewer=request.user))
    if not services.can_edit(comment, user=request.user):
        message = services.EditWindowClosed.default_message()
        return _form_page(request, article=comment.article, form=form, comment=comment, status=403, message=message)
    status = 400 if form.is_bound else 200
    return _form_page(request, article=comment.article, form=form, comment=comment, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def delete_comment(request, pk):
    comment = _own_comment(request, pk)
    if request.method == "GET":
        return render(request, "comments/comment_confirm_delete.html", {"comment": comment, "article": comment.article})
    services.comment_delete(comment=comment, user=request.user)
    messages.success(request, "Your comment is deleted.")
    return redirect(f"{comment.article.get_absolute_url()}#comments")
