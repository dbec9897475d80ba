FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY backend ./backend
RUN pip install --no-cache-dir .
ENV PORTICO_ENV=production
EXPOSE 8000
CMD ["sh", "-c", "portico migrate && portico serve --host 0.0.0.0 --port 8000"]
