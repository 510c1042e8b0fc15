#!/usr/bin/env bash
# Backup and restore drill (hostile-inputs row 64), the procedure of docs/operations.md run end to end:
#   1. a source site on PostgreSQL with an article, its photo (and renditions) and comments;
#   2. backup: pg_dump -Fc of the database and a tarball of MEDIA_ROOT;
#   3. restore into a fresh database and a fresh media folder; every table's row count must match;
#   4. gunicorn serves the restored copy: the article page shows the headline and the comments, and every /media/ file
#      it references is in the restored media, byte for byte, and opens as an image;
#   5. the portable path as well: dumpdata with natural keys, loaded into a fresh SQLite database, same counts.
# Bounded: each step has a timeout; everything it creates (two databases, a temporary folder) is removed on exit.
#
#   bash scripts/backup_restore.sh            # PGHOST/PGPORT/PGUSER default to 127.0.0.1:5432 postgres
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
PY=.venv/bin/python
PORT="${DRILL_PORT:-8767}"
SOURCE_DB=newsblog_drill_source
RESTORED_DB=newsblog_drill_restored
WORK="$(mktemp -d)"
GUNICORN_PID=""

say() { echo "backup drill: $*"; }

cleanup() {
  if [ -n "$GUNICORN_PID" ]; then kill -TERM -- "-$GUNICORN_PID" 2>/dev/null || true; wait "$GUNICORN_PID" 2>/dev/null || true; fi
  dropdb --if-exists "$SOURCE_DB" 2>/dev/null || true
  dropdb --if-exists "$RESTORED_DB" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# Production settings on plain HTTP, pointing at whichever copy a step works on.
export DEBUG=0 HTTPS_ONLY=0 REDIS_URL="" SECRET_KEY="drill-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
export ALLOWED_HOSTS=127.0.0.1 SITE_URL="http://127.0.0.1:$PORT" PAGE_STATE_DIR="$WORK/page-state" LOG_LEVEL=ERROR
source_env() { export DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$SOURCE_DB" MEDIA_ROOT="$WORK/media-source"; }
restored_env() { export DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$RESTORED_DB" MEDIA_ROOT="$WORK/media-restored"; }

say "1. a source site with an article, its photo and comments"
dropdb --if-exists "$SOURCE_DB" 2>/dev/null; dropdb --if-exists "$RESTORED_DB" 2>/dev/null
createdb "$SOURCE_DB"
source_env
timeout 300 "$PY" manage.py migrate --no-input -v0
timeout 120 "$PY" manage.py shell --no-imports -c '
import io
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image
from articles import services
from articles.models import Article, ArticleAuthor, Author, Category
from comments.models import Comment

category = Category.objects.create(name="Drill", slug="drill")
author = Author.objects.create(name="Drill Desk", slug="drill-desk")
article = Article.objects.create(
    headline="Restored from last night’s backup", slug="restored-article", standfirst="Every byte came back.",
    body="The article, its photo and its comments survive a restore.", category=category,
    status=Article.Status.PUBLISHED, published_at=timezone.now(),
)
ArticleAuthor.objects.create(article=article, author=author)
buffer = io.BytesIO()
Image.new("RGB", (1600, 1000), (200, 90, 40)).save(buffer, "JPEG")
services.replace_article_photo(
    article=article, upload=ContentFile(buffer.getvalue(), name="drill.jpg"), alt="A test card in warm colours",
    credit="Drill Photo",
)
reader = get_user_model().objects.create_user("drill-reader", "reader@example.com", "drill-password-123")
for n in (1, 2, 3):
    Comment.objects.create(article=article, user=reader, body=f"Drill comment number {n}.",
                           status=Comment.Status.APPROVED, created_at=timezone.now())
print("   source:", Article.objects.count(), "article,", Comment.objects.count(), "comments, photo", Article.objects.get().photo.file.name)
'

say "2. backup: pg_dump -Fc and a media tarball"
timeout 300 pg_dump --format=custom --no-owner --file="$WORK/newsblog.dump" "$SOURCE_DB"
tar -C "$MEDIA_ROOT" -czf "$WORK/media.tar.gz" .
say "   $(du -h "$WORK/newsblog.dump" | cut -f1) database dump, $(du -h "$WORK/media.tar.gz" | cut -f1) media tarball"

say "3. restore into a fresh database and media folder"
createdb "$RESTORED_DB"
timeout 300 pg_restore --no-owner --exit-on-error --dbname="$RESTORED_DB" "$WORK/newsblog.dump"
mkdir -p "$WORK/media-restored"
tar -C "$WORK/media-restored" -xzf "$WORK/media.tar.gz"
counts() {
  psql -d "$1" -tAc "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1" \
    | while read -r table; do echo "$table $(psql -d "$1" -tAc "SELECT count(*) FROM \"$table\"")"; done
}
counts "$SOURCE_DB" > "$WORK/counts-source"
counts "$RESTORED_DB" > "$WORK/counts-restored"
if ! diff -u "$WORK/counts-source" "$WORK/counts-restored"; then say "FAIL: row counts differ"; exit 1; fi
say "   $(wc -l < "$WORK/counts-restored") tables, every row count equal"

say "4. serve the restored copy with gunicorn"
restored_env
timeout 300 "$PY" manage.py collectstatic --no-input -v0  # DEBUG off serves hashed names from a manifest
GUNICORN_BIND="127.0.0.1:$PORT" WEB_CONCURRENCY=1 setsid .venv/bin/gunicorn -c deploy/gunicorn.conf.py \
  > "$WORK/gunicorn.log" 2>&1 &
GUNICORN_PID=$!
for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
page="$(curl -fsS --max-time 20 "http://127.0.0.1:$PORT/articles/restored-article/")"
grep -q "Restored from last night’s backup" <<<"$page" || { say "FAIL: headline missing"; exit 1; }
for n in 1 2 3; do
  grep -q "Drill comment number $n." <<<"$page" || { say "FAIL: comment $n missing"; exit 1; }
done
media_urls="$(grep -o '/media/[^" ,]*' <<<"$page" | sort -u)"
[ -n "$media_urls" ] || { say "FAIL: the page shows no photo"; exit 1; }
for url in $media_urls; do
  name="${url#/media/}"
  cmp -s "$WORK/media-source/$name" "$WORK/media-restored/$name" || { say "FAIL: $url not restored"; exit 1; }
  "$PY" -c "import sys; from PIL import Image; Image.open(sys.argv[1]).verify()" "$WORK/media-restored/$name"
done
say "   article page 200 with headline, 3 comments and $(wc -w <<<"$media_urls") photo files, all restored intact"

say "5. the portable path: dumpdata with natural keys into a fresh SQLite"
source_env
timeout 300 "$PY" manage.py dumpdata --natural-foreign --natural-primary \
  -e contenttypes -e auth.permission -e admin.logentry -e sessions -e axes -e throttling -o "$WORK/data.json"
export DATABASE_URL="sqlite:///$WORK/restored.sqlite3"
timeout 300 "$PY" manage.py migrate --no-input -v0
timeout 300 "$PY" manage.py loaddata "$WORK/data.json" -v0
summary='from django.contrib.auth import get_user_model
from articles.models import Article, Author, Category
from comments.models import Comment
print(Article.objects.count(), Author.objects.count(), Category.objects.count(), Comment.objects.count(),
      get_user_model().objects.count(), list(Comment.objects.order_by("pk").values_list("body", flat=True)))'
sqlite_summary="$(timeout 120 "$PY" manage.py shell --no-imports -c "$summary")"
source_env
pg_summary="$(timeout 120 "$PY" manage.py shell --no-imports -c "$summary")"
[ "$sqlite_summary" = "$pg_summary" ] || { say "FAIL: SQLite copy differs: $sqlite_summary vs $pg_summary"; exit 1; }
say "   SQLite copy equal: $sqlite_summary"

say "OK: dump, media tarball and restore bring back the article, its photo and its comments"
