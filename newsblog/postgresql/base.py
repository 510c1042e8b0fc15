"""Django's PostgreSQL backend with a health check that costs no round trip while the connection is quiet.

With CONN_HEALTH_CHECKS, Django runs `SELECT 1` before each request's first query on a reused connection: on an
uncached article page, whose data comes in one query, that was a second round trip and about a twentieth of the
page's cost under load. A connection the server has ended (a restart, pg_terminate_backend, an idle timeout) always
has something to read: the server's last message and the end of the stream. So the socket is asked first, without
waiting; only a connection with something to read, or one the driver knows is broken, gets Django's `SELECT 1`,
which then decides as before. What neither check can see is a peer that vanished without a word; the next query fails
then (a 503, newsblog/middleware.py) and Django drops the connection at the end of that request.
"""

import select

from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    def close_if_health_check_failed(self):
        if self.health_check_enabled and not self.health_check_done and self._quiet():
            self.health_check_done = True
            return
        super().close_if_health_check_failed()

    def _quiet(self) -> bool:
        """The connection is open and the server has sent nothing since the last answer was read."""
        connection = self.connection
        if connection is None or connection.closed or self.pool:
            return False
        poller = select.poll()
        poller.register(connection.fileno(), select.POLLIN)
        return not poller.poll(0)
