# The Mægler server (deploy/README.md): docker build -t maegler-server .
# Slim Python, the pinned and hashed lock (deploy/requirements-server.txt), a user without rights.
FROM python:3.11-slim-trixie AS build
WORKDIR /src
COPY deploy/requirements-server.txt deploy/requirements-server.txt
RUN python -m venv /opt/maegler \
 && /opt/maegler/bin/pip install --no-cache-dir --require-hashes -r deploy/requirements-server.txt
COPY pyproject.toml setup.py README.md ./
COPY mægler_app mægler_app
COPY resources resources
RUN /opt/maegler/bin/pip install --no-cache-dir --no-deps .

FROM python:3.11-slim-trixie
# pg_dump and pg_restore for `maegler-server backup` and `restore` (Debian 13: PostgreSQL 17's, which
# also serve the older servers, such as compose.yaml's 16)
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --system --create-home --home-dir /var/lib/maegler --uid 10001 maegler
COPY --from=build /opt/maegler /opt/maegler
ENV PATH=/opt/maegler/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    MAEGLER_SERVER_HOST=0.0.0.0 \
    MAEGLER_SERVER_PORT=8000 \
    MAEGLER_SERVER_WORKERS=1 \
    MAEGLER_SERVER_LOG_LEVEL=info \
    MAEGLER_SERVER_DB=sqlite:////var/lib/maegler/maegler-server.sqlite3
USER maegler
WORKDIR /var/lib/maegler
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/api/v1/healthz' % os.environ.get('MAEGLER_SERVER_PORT', '8000'), timeout=4)"]
# `init` creates or upgrades the database (idempotent), then the server runs in the foreground
ENTRYPOINT ["/bin/sh", "-c", "maegler-server init && exec maegler-server serve \"$@\"", "maegler-server"]
CMD []
