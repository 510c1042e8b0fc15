"""One browser's worth of HTTP against a running newsblog: its own cookies, forms with their CSRF token, the login form.

Shared by the benchmark's commenters (scripts/bench_mixed.py) and the tests of the shipped nginx and Varnish
configurations (tests/deploy/). HTTP/1.1, one connection per request, nothing followed: a redirect is an answer.
"""

import http.client
import re
from http.cookies import SimpleCookie
from typing import NamedTuple
from urllib.parse import urlencode, urlsplit


class Answer(NamedTuple):
    status: int
    headers: http.client.HTTPMessage
    text: str
    set_cookies: list[str]  # the Set-Cookie headers of this answer


class SiteClient:
    def __init__(self, base: str, *, timeout: float = 30, agent: str | None = None):
        self.netloc, self.timeout, self.agent = urlsplit(base).netloc, timeout, agent
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, *, form: dict | None = None, cookies: dict | None = None) -> Answer:
        """`cookies` are sent once, on top of the client's own."""
        conn = http.client.HTTPConnection(self.netloc, timeout=self.timeout)
        headers = {"Connection": "close"}
        if self.agent:
            headers["User-Agent"] = self.agent
        sent = self.cookies | (cookies or {})
        if sent:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in sent.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
            set_cookies = response.headers.get_all("Set-Cookie") or []
            for header in set_cookies:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return Answer(response.status, response.headers, text, set_cookies)
        finally:
            conn.close()

    def get(self, path: str, **kwargs) -> Answer:
        return self.request("GET", path, **kwargs)

    def log_in(self, username: str, password: str) -> int:
        """Through the login form, as a reader does; the status of its POST (302 when it worked)."""
        page = self.get("/accounts/login/").text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        form = {"username": username, "password": password, "csrfmiddlewaretoken": token}
        return self.request("POST", "/accounts/login/", form=form).status
