"""Build the Lambda code asset without Docker: app.py + requirements.txt for python3.13 on arm64.

Usage: python3 build.py [DIST_DIR]   (default: dist)
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PIP_TARGET_FLAGS = [
    "--platform", "manylinux2014_aarch64",
    "--implementation", "cp",
    "--python-version", "3.13",
    "--only-binary=:all:",
    # requirements.txt is the complete list; botocore (aws-xray-sdk's other dependency) comes with the runtime.
    "--no-deps",
    "--no-compile",  # bytecode of the build machine's Python would be dead weight in a 3.13 asset
]


def build(dist: Path) -> Path:
    if dist.exists():
        shutil.rmtree(dist)
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--target", str(dist), "-r", str(HERE / "requirements.txt"), *PIP_TARGET_FLAGS],
        check=True,
        env={**os.environ, "PIP_ROOT_USER_ACTION": "ignore"},
    )
    shutil.copy2(HERE / "app.py", dist / "app.py")
    return dist


if __name__ == "__main__":
    out = build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "dist")
    print(f"built {out}")
