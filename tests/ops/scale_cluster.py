"""The production shape on one machine, for the scale test: nginx in front of API
processes, mail workers, a Redis of its own, all on the test's PostgreSQL database."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.conftest import DATABASE_URL, EXTRA_LOGS, SMTP_PORT, _free_port
from tests.ops.helpers import portico

NGINX_CONF = """
worker_processes 1;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/nginx-error.log warn;
events {{ worker_connections 512; }}
http {{
  log_format scale '$msec $status $upstream_addr $upstream_status $http_x_request_id';
  access_log {dir}/nginx-access.log scale;
  client_body_temp_path {dir}/body; proxy_temp_path {dir}/proxy; fastcgi_temp_path {dir}/fastcgi;
  uwsgi_temp_path {dir}/uwsgi; scgi_temp_path {dir}/scgi;
  upstream api {{
{servers}
  }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://api;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      # A refused connection or a draining 503 was never processed: try the next process.
      # POSTs already sent to a process that dies are not repeated (they might have run).
      proxy_next_upstream error timeout http_503;
      proxy_next_upstream_tries 3;
      proxy_connect_timeout 1s;
      proxy_read_timeout 30s;
    }}
  }}
}}
"""


def _wait_http(url: str, proc: subprocess.Popen | None, seconds: float = 40) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"{url}: process exited with {proc.returncode}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{url} did not come up")


@dataclass
class Cluster:
    folder: Path
    env: dict[str, str]
    api_ports: list[int] = field(default_factory=list)
    apis: list[subprocess.Popen] = field(default_factory=list)
    workers: list[subprocess.Popen] = field(default_factory=list)
    others: list[subprocess.Popen] = field(default_factory=list)
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _log(self, name: str) -> Path:
        path = self.folder / f"{name}.log"
        EXTRA_LOGS.append(path)
        return path

    def start_api(self, i: int) -> subprocess.Popen:
        proc = portico("serve", "--port", str(self.api_ports[i]), database_url=DATABASE_URL, env=self.env,
                       log=self._log(f"api-{i}"), background=True)
        assert isinstance(proc, subprocess.Popen)
        return proc

    def start_worker(self, i: int) -> subprocess.Popen:
        proc = portico("mail-worker", database_url=DATABASE_URL, env=self.env, log=self._log(f"mail-worker-{i}"), background=True)
        assert isinstance(proc, subprocess.Popen)
        return proc

    def wait_api(self, i: int) -> None:
        _wait_http(f"http://127.0.0.1:{self.api_ports[i]}/readyz", self.apis[i])

    def kill_api(self, i: int) -> None:
        self.apis[i].kill()
        self.apis[i].wait(10)

    def stop_api(self, i: int) -> int:
        self.apis[i].send_signal(signal.SIGTERM)
        return self.apis[i].wait(20)

    def restart_api(self, i: int) -> None:
        self.apis[i] = self.start_api(i)

    def nginx_log(self) -> list[list[str]]:
        path = self.folder / "nginx-access.log"
        return [line.split() for line in path.read_text().splitlines()] if path.exists() else []

    def stop(self) -> None:
        for proc in [*self.apis, *self.workers, *self.others]:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in [*self.apis, *self.workers, *self.others]:
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)


def start_cluster(folder: Path, *, apis: int = 3, workers: int = 2, extra_env: dict[str, str] | None = None) -> Cluster:
    folder.mkdir(parents=True, exist_ok=True)
    redis_port = _free_port()
    cluster = Cluster(folder=folder, env={})
    cluster.others.append(subprocess.Popen(
        [shutil.which("redis-server") or "redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    cluster.env = {
        "PORTICO_ENV": "production", "LOG_FORMAT": "json", "MAIL_WORKER": "external",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0", "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(SMTP_PORT),
        "SHUTDOWN_DRAIN_SECONDS": "1", **(extra_env or {}),
    }
    try:
        cluster.api_ports = [_free_port() for _ in range(apis)]
        cluster.apis = [cluster.start_api(i) for i in range(apis)]
        cluster.workers = [cluster.start_worker(i) for i in range(workers)]
        cluster.port = _free_port()
        servers = "\n".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=1s;" for p in cluster.api_ports)
        (folder / "nginx.conf").write_text(NGINX_CONF.format(dir=folder, servers=servers, port=cluster.port))
        user = "user root;\n" if os.geteuid() == 0 else ""
        conf = folder / "nginx.conf"
        conf.write_text(user + conf.read_text())
        cluster.others.append(subprocess.Popen(
            [nginx_binary(), "-c", str(conf), "-p", str(folder)], stderr=cluster._log("nginx").open("w")))
        for i in range(apis):
            cluster.wait_api(i)
        _wait_http(f"{cluster.url}/healthz", None, 10)
    except BaseException:
        cluster.stop()
        raise
    return cluster


def nginx_binary() -> str:
    return shutil.which("nginx") or "/usr/sbin/nginx"
