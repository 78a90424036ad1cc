# The dashboard in a container: `docker build -t dashboard .` then
# `docker run --rm -p 8501:8501 dashboard`. The data in data/ is baked into the image; to serve
# other data, mount it and point DASHBOARD_DATA_DIR at it (see docs/deploy.md).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false

# A fixed, unprivileged user: the app never needs root, so a compromise does not get it.
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin dashboard

WORKDIR /app
# requirements.txt ends with `-e .` (the dashboard package), so the source must be present
# before pip runs; .dockerignore keeps caches, tests artefacts and .git out of the context.
COPY . .
RUN pip install --no-cache-dir -r requirements.txt

USER dashboard

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"

CMD ["streamlit", "run", "app.py", "--server.address=0.0.0.0", "--server.port=8501", "--server.headless=true"]
