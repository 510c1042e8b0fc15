# Varnish in front of newsblog with purging by tag (vmod xkey, Debian package varnish-modules).
#
# newsblog sends every shared anonymous page with `Surrogate-Key: article:12 section:3 nav` (what it shows) and
# `Cache-Control: public, max-age=0, s-maxage=N, stale-while-revalidate=M`. With CACHE_PURGE_URLS pointing here
# (e.g. CACHE_PURGE_URLS=http://127.0.0.1:6081/), every write sends `PURGE` with the tags it changed in an `xkey`
# header, and Varnish drops exactly those pages; raise SHARED_CACHE_SECONDS then (e.g. 3600), since purges keep
# the copies exact. Requests with a session or messages cookie are never cached, as in Django's page cache.

vcl 4.1;

import xkey;

backend newsblog {
    .host = "127.0.0.1";  # CHANGE: gunicorn's GUNICORN_BIND (or nginx)
    .port = "8000";
}

acl purgers {
    "127.0.0.1";          # CHANGE: the app servers' addresses
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey) {
            return (synth(400, "No xkey header"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey);
        return (synth(200, "Purged " + req.http.n-gone + " objects"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Personal: logged in, a draft comment in the session, or a message meant for this reader alone.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Anonymous pages do not depend on other cookies (csrftoken, analytics): drop them so that copies are shared.
    unset req.http.Cookie;
    # Query parameters newsblog ignores (tracking) must not make copies of their own either.
    set req.url = regsuball(req.url, "([?&])(utm_[a-z]+|fbclid|gclid)=[^&]*", "\1");
    set req.url = regsuball(req.url, "[?&]+$", "");
}

sub vcl_backend_response {
    # A response that sets a cookie is personal: never stored.
    if (beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        return (deliver);
    }
    # What newsblog does not mark as shareable (a 404, search results) is not stored either: it carries no tags, so
    # no purge could reach it, and Varnish would otherwise keep it for default_ttl (2 minutes).
    if (!beresp.http.Cache-Control) {
        set beresp.uncacheable = true;
        return (deliver);
    }
    # vmod xkey finds a copy by the keys in its `xkey` header: the tags newsblog sends as Surrogate-Key.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # Django varies on Cookie for browsers; the cookie rule above already decides who shares a copy.
    unset beresp.http.Vary;
}

sub vcl_deliver {
    # The tags are for Varnish; readers need not see them.
    unset resp.http.Surrogate-Key;
    unset resp.http.Cache-Tag;
    unset resp.http.xkey;
    # HIT: from a stored copy; MISS: fetched and stored; PASS: personal, or not to be stored (as X-Varnish and Age
    # already tell anyone who looks).
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
