# One image for web, worker and beat (see docker-compose.yml).
FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DATA_DIR=/data \
    STATIC_ROOT=/app/staticfiles

RUN groupadd --system parley && useradd --system --gid parley --home /app parley
WORKDIR /app

COPY pyproject.toml constraints.txt README.md ./
COPY config ./config
COPY actors ./actors
COPY negotiations ./negotiations
RUN pip install -c constraints.txt .

COPY manage.py ./
COPY templates ./templates
COPY static ./static
# collectstatic needs settings that load: a throwaway key, never used at run time.
RUN DEBUG=false SECRET_KEY=collectstatic-only-build-key-0123456789-abcdefghijklmnopqrstuvwxyz \
    python manage.py collectstatic --noinput \
    && mkdir -p /data && chown parley:parley /data

USER parley
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
