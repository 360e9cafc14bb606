"""The built code asset must import in the python3.13 runtime: no 'No module named aws_xray_sdk' again."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import boto3
import botocore
import dateutil
import jmespath
import s3transfer
import six
import urllib3

from build import build

# What the Lambda python3.13 runtime itself provides: boto3 and its dependency closure.
RUNTIME_MODULES = [boto3, botocore, dateutil, jmespath, s3transfer, six, urllib3]
RUNTIME_DISTRIBUTIONS = {"boto3", "botocore", "python-dateutil", "jmespath", "s3transfer", "six", "urllib3"}
LAMBDA_MARKER_ENV = {"python_version": "3.13", "python_full_version": "3.13.0", "platform_machine": "aarch64",
                     "sys_platform": "linux", "platform_system": "Linux", "os_name": "posix",
                     "implementation_name": "cpython", "platform_python_implementation": "CPython", "extra": ""}


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    return build(tmp_path_factory.mktemp("asset") / "dist")


@pytest.fixture(scope="module")
def runtime_dir(tmp_path_factory):
    """A directory holding only what the Lambda runtime provides (links to this venv's copies)."""
    root = tmp_path_factory.mktemp("var-runtime")
    for module in RUNTIME_MODULES:
        source = Path(module.__file__)
        source = source.parent if source.name == "__init__.py" else source
        (root / source.name).symlink_to(source, target_is_directory=source.is_dir())
    return root


def import_like_lambda(code_dir, runtime_dir, tmp_path):
    """Import app with only the stdlib, the code asset and the runtime's packages on sys.path."""
    probe = ("import json, sys, app, aws_xray_sdk, wrapt; "
             "print(json.dumps({'xray': aws_xray_sdk.__file__, 'wrapt': wrapt.__file__, "
             "'context': type(app.xray_recorder.context).__name__, 'path': sys.path}))")
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": f"{code_dir}{os.pathsep}{runtime_dir}",
           "LAMBDA_TASK_ROOT": str(code_dir), "AWS_REGION": "eu-central-1", "TABLE_NAME": "items",
           "HOME": str(tmp_path), "PYTHONDONTWRITEBYTECODE": "1"}
    # -S: no site-packages (so nothing leaks in from this venv); cwd is empty so the source app.py can't.
    return subprocess.run([sys.executable, "-S", "-c", probe], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)


def test_asset_contains_the_handler_and_the_xray_sdk(dist):
    assert (dist / "app.py").read_text() == (Path(__file__).parent.parent / "app.py").read_text()
    assert (dist / "aws_xray_sdk" / "core" / "__init__.py").is_file()
    assert (dist / "wrapt" / "__init__.py").is_file()
    assert not (dist / "boto3").exists() and not (dist / "botocore").exists()  # provided by the runtime
    assert list(dist.rglob("*.pyc")) == []


def test_native_code_is_built_for_python313_on_arm64(dist):
    shared_objects = list(dist.rglob("*.so"))
    assert [so.name for so in shared_objects if so.parent.name == "wrapt"] == ["_wrappers.cpython-313-aarch64-linux-gnu.so"]
    wrong = [so for so in shared_objects if not so.name.endswith(("cpython-313-aarch64-linux-gnu.so", ".abi3.so"))]
    assert wrong == []


def test_every_dependency_is_packaged_or_provided_by_the_runtime(dist):
    packaged = {canonicalize_name(info.name.split("-")[0]) for info in dist.glob("*.dist-info")}
    assert {"aws-xray-sdk", "wrapt"} <= packaged
    missing = []
    for info in dist.glob("*.dist-info"):
        for line in (info / "METADATA").read_text().splitlines():
            if not line.startswith("Requires-Dist:"):
                continue
            requirement = Requirement(line.split(":", 1)[1].strip())
            if requirement.marker and not requirement.marker.evaluate(LAMBDA_MARKER_ENV):
                continue
            name = canonicalize_name(requirement.name)
            if name not in packaged and name not in RUNTIME_DISTRIBUTIONS:
                missing.append(f"{info.name} needs {requirement}")
    assert missing == []


def test_handler_module_imports_from_the_asset_in_lambda_mode(dist, runtime_dir, tmp_path):
    result = import_like_lambda(dist, runtime_dir, tmp_path)
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert Path(probe["xray"]).is_relative_to(dist)
    assert Path(probe["wrapt"]).is_relative_to(dist)
    assert probe["context"] == "LambdaContext"
    assert not any("site-packages" in entry for entry in probe["path"])


def test_the_probe_detects_the_blog_posts_import_error(dist, runtime_dir, tmp_path):
    # Control: an asset with the handler alone fails exactly as the blog post's deployment did.
    handler_only = tmp_path / "handler-only"
    handler_only.mkdir()
    shutil.copy2(dist / "app.py", handler_only / "app.py")
    result = import_like_lambda(handler_only, runtime_dir, tmp_path)
    assert result.returncode != 0
    assert "No module named 'aws_xray_sdk'" in result.stderr
