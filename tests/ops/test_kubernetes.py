"""The Kubernetes manifests: lint-clean, valid against the bundled Kubernetes schemas
(strict, offline), and saying what the README says."""

import shutil
import subprocess
import sys
from pathlib import Path

import kubernetes_validate
import yaml
from yamllint import linter
from yamllint.config import YamlLintConfig

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy" / "kubernetes"
MANIFESTS = sorted(p for p in DEPLOY.glob("*.yaml") if p.name != "kustomization.yaml")
KUBERNETES_VERSION = "1.33.0"


def docs(path: Path) -> list[dict]:
    return [d for d in yaml.safe_load_all(path.read_text()) if d]


def by_kind(kind: str) -> dict[str, dict]:
    return {d["metadata"]["name"]: d for p in MANIFESTS for d in docs(p) if d["kind"] == kind}


def test_yamllint_is_clean() -> None:
    config = YamlLintConfig(file=str(DEPLOY / ".yamllint"))
    problems = [f"{p.name}:{problem.line}: {problem.message}" for p in DEPLOY.glob("*.yaml")
                for problem in linter.run(p.read_text(), config)]
    assert problems == []


def test_every_resource_is_valid_strictly() -> None:
    checked = []
    for path in MANIFESTS:
        for doc in docs(path):
            kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)
            checked.append(doc["kind"])
    assert sorted(set(checked)) == ["ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Ingress", "Job",
                                    "PodDisruptionBudget", "Secret", "Service"]


def test_validation_needs_no_network() -> None:
    """The schemas ship inside the package: validating in a namespace without a network works."""
    unshare = shutil.which("unshare")
    prefix = [unshare, "-n"] if unshare and subprocess.run([unshare, "-n", "true"]).returncode == 0 else []
    cli = [sys.executable, "-m", "kubernetes_validate", "--strict", "-k", KUBERNETES_VERSION, *map(str, MANIFESTS)]
    result = subprocess.run([*prefix, *cli], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("passed") == len(MANIFESTS)


def test_api_pods_are_probed_drained_and_autoscaled() -> None:
    api = by_kind("Deployment")["portico-api"]["spec"]["template"]["spec"]
    [container] = api["containers"]
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["command"][:2] == ["portico", "serve"] and "--workers" in container["command"]
    drain = int(by_kind("ConfigMap")["portico-config"]["data"]["SHUTDOWN_DRAIN_SECONDS"])
    assert api["terminationGracePeriodSeconds"] > drain
    hpa = by_kind("HorizontalPodAutoscaler")["portico-api"]["spec"]
    assert hpa["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": "portico-api"}
    assert by_kind("Job")["portico-migrate"]["spec"]["template"]["spec"]["containers"][0]["command"] == ["portico", "migrate"]
    assert by_kind("Ingress")["portico-api"]["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]["name"] == "portico-api"


def test_secrets_come_from_a_secret_and_every_setting_is_documented() -> None:
    readme = (ROOT / "README.md").read_text()
    config = by_kind("ConfigMap")["portico-config"]["data"]
    secret = by_kind("Secret")["portico-secrets"]["stringData"]
    assert not {"SECRET_KEY", "DATABASE_URL", "SMTP_PASSWORD", "METRICS_TOKEN"} & set(config)
    for name in [*config, *secret]:
        assert f"`{name}`" in readme, f"{name} is not in the README's configuration table"
    for deployment in by_kind("Deployment").values():
        env_from = deployment["spec"]["template"]["spec"]["containers"][0]["envFrom"]
        assert {"secretRef": {"name": "portico-secrets"}} in env_from


def test_kustomization_lists_every_manifest_but_the_example_secret() -> None:
    listed = set(yaml.safe_load((DEPLOY / "kustomization.yaml").read_text())["resources"])
    assert listed == {p.name for p in MANIFESTS} - {"secret.example.yaml"}
