"""PostgreSQL helpers shared by the scripts in this folder (they run as `python scripts/NAME.py`)."""


def ensure_database(url: str, log=print) -> None:
    """Create the database named at the end of a postgres:// URL if it does not exist yet; other URLs are left alone."""
    if not url.startswith("postgres"):
        return
    import psycopg2

    server, name = url.rsplit("/", 1)
    admin = psycopg2.connect(f"{server}/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            log(f"creating database {name}")
            cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()
