FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY backend ./backend
RUN pip install --no-cache-dir ".[tracing]" && useradd --uid 10001 --no-create-home portico
USER 10001
ENV PORTICO_ENV=production PYTHONDONTWRITEBYTECODE=1
EXPOSE 8000
# Migrating on start is safe with several replicas (advisory lock); Kubernetes uses a Job instead.
CMD ["sh", "-c", "portico migrate && exec portico serve --host 0.0.0.0 --port 8000 --workers ${WEB_CONCURRENCY:-2}"]
