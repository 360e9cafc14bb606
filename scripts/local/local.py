"""make local: the stack's three real functions on this machine, traced into xspy.

Starts xspy (X-Ray daemon UDP and OTLP/HTTP receivers, and `serve` for CloudWatch Logs and the reads),
moto's DynamoDB with the stack's table, and one execution environment per function (a Lambda Runtime
API emulator and the function's process, see runtime_api.py). Every INTERVAL seconds it publishes one
upload's S3 -> SNS notification to the three functions at once, as the stack's topic does, and then
writes what the Lambda service would: its segments (X-Ray mode), START / END / REPORT, and each
invocation's output to CloudWatch Logs (PutLogEvents to xspy serve). Without --export it opens xspy's
TUI on what arrives; with --export PATH it runs --count rounds, writes what xspy received to PATH and
stops. Whatever it started stops with it, on Ctrl-C too.
"""
import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import boto3
from botocore.config import Config

import lambda_service as svc
from runtime_api import Environment, stop_group

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TABLE = "items"
MEMORY_MB = 1024
FUNCTIONS = ("xraystarter-ts", "xraystarter-py", "xraystarter-go")
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "AKIDLOCALXSPY", "AWS_SECRET_ACCESS_KEY": "local-secret"}
READY_SECONDS = 120   # upper bound for a service to come up on a busy machine


class Failure(Exception):
    """A problem to report in one line, with where to look."""


def free_port(kind=socket.SOCK_STREAM):
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def clean_env():
    """This environment without AWS, X-Ray or OpenTelemetry settings: the functions get only ours."""
    return {k: v for k, v in os.environ.items()
            if not k.startswith(("AWS_", "_X_AMZN", "OTEL_", "XSPY_"))}


def client(service, endpoint):
    """A client of its own session: clients are made on two threads at once (start_services), which boto3's
    default session does not allow."""
    return boto3.session.Session().client(
        service, endpoint_url=endpoint, region_name=svc.REGION,
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        config=Config(retries={"max_attempts": 2, "mode": "standard"}))


class Stack:
    """Everything one run starts; close() stops all of it."""

    def __init__(self, args, run_dir):
        self.args = args
        self.run_dir = run_dir
        self.processes = []
        self.environments = {}
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.log = open(run_dir / "driver.log", "a", buffering=1)
        self.stop = threading.Event()
        self.trace_ids = []
        self.streams_made = set()
        self.quiet = False              # while the TUI has the terminal, messages go to driver.log only

    def say(self, message, terminal=True):
        self.log.write(f"{svc.iso(time.time())} {message}\n")
        if terminal and not self.quiet:
            print(f"make local: {message}", file=sys.stderr, flush=True)

    def spawn(self, name, command, env=None):
        out = open(self.run_dir / f"{name}.log", "wb")
        p = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                             env=env, start_new_session=True, cwd=ROOT)
        out.close()
        self.processes.append((name, p))
        return p

    def wait_until(self, what, ready, process=None, name=None):
        deadline = time.time() + READY_SECONDS
        while time.time() < deadline and not self.stop.is_set():
            if process is not None and process.poll() is not None:
                raise Failure(f"{what} stopped (exit {process.returncode}); see {self.run_dir / (name + '.log')}")
            try:
                if ready():
                    return
            except Exception:  # not yet
                pass
            time.sleep(0.2)
        raise Failure(f"{what} did not come up within {READY_SECONDS} s; see {self.run_dir}")

    # ---- the services ----

    def start_dynamodb(self):
        port = free_port()
        self.dynamodb_url = f"http://127.0.0.1:{port}"
        p = self.spawn("moto", [str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1", "-p", str(port)])
        db = client("dynamodb", self.dynamodb_url)
        self.wait_until("moto's DynamoDB", lambda: db.list_tables() is not None, p, "moto")
        # the stack's table: PK and SK strings, on demand
        db.create_table(TableName=TABLE, BillingMode="PAY_PER_REQUEST",
                        KeySchema=[{"AttributeName": "PK", "KeyType": "HASH"},
                                   {"AttributeName": "SK", "KeyType": "RANGE"}],
                        AttributeDefinitions=[{"AttributeName": "PK", "AttributeType": "S"},
                                              {"AttributeName": "SK", "AttributeType": "S"}])
        self.say(f"DynamoDB (moto) at {self.dynamodb_url}, table {TABLE}", terminal=False)

    def start_xspy(self, attempts=3):
        """xspy serve with both receivers. --listen also takes the same port on TCP (sampling), which a
        port found free for UDP may not be: then again with other ports."""
        for attempt in range(1, attempts + 1):
            self.udp_port = free_port(socket.SOCK_DGRAM)
            self.otlp_port = free_port()
            serve_port = free_port()
            self.xspy_url = f"http://127.0.0.1:{serve_port}"
            command = [self.args.xspy, "--listen", f"127.0.0.1:{self.udp_port}",
                       "--otlp", f"127.0.0.1:{self.otlp_port}", "serve", "--port", str(serve_port)]
            p = self.spawn("xspy-serve", command)
            log = self.run_dir / "xspy-serve.log"
            try:
                self.wait_until("xspy serve", lambda: "xspy: serving" in log.read_text(errors="replace"),
                                p, "xspy-serve")
                break
            except Failure:
                if attempt == attempts or p.poll() is None:
                    raise
        self.logs = client("logs", self.xspy_url)
        self.xray = client("xray", self.xspy_url)
        self.say(f"xspy: X-Ray daemon UDP 127.0.0.1:{self.udp_port}, OTLP http://127.0.0.1:{self.otlp_port}, "
                 f"serve {self.xspy_url}", terminal=False)

    def start_services(self):
        """moto's DynamoDB and xspy side by side: each takes a second or more to come up."""
        with ThreadPoolExecutor(1, thread_name_prefix="moto") as pool:
            dynamodb = pool.submit(self.start_dynamodb)
            try:
                self.start_xspy()
            except BaseException:
                self.stop.set()  # the other wait gives up at once
                raise
            dynamodb.result()

    def start_functions(self):
        node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
        otel = self.args.tracing == "otel"
        ts, py = ROOT / "lambdas/ts", ROOT / "lambdas/py"
        # otel: the functions' own stand-ins for AWS's ADOT layers (lambdas/{ts,py}/otel), as their READMEs
        # describe: Node preloads otel/register.cjs and takes the AWS SDK and OTel API from NODE_PATH (in
        # Lambda: the runtime and the layer); Python runs under otel/otel-instrument with its venv; Go
        # instruments itself.
        node_command = ["node", "--disable-warning=NodeVersionSupportWarning"]
        if otel:
            node_command += ["--require", str(ts / "otel/register.cjs")]
        python = str(py / ".venv/bin/python") if otel else sys.executable
        py_command = ([str(py / "otel/otel-instrument")] if otel else []) + [python, "-u", str(HERE / "bootstrap.py")]
        version = subprocess.run([python, "--version"], capture_output=True, text=True).stdout.strip().lower()
        specs = {
            "xraystarter-ts": (node_command + [str(HERE / "bootstrap.js")], ts / ("dist-otel" if otel else "dist"),
                               "index.handler", f"local node {node}"),
            "xraystarter-py": (py_command, py / "dist", "app.handler", f"local {version}"),
            "xraystarter-go": ([str(self.args.go_binary)], Path(self.args.go_binary).parent, "bootstrap",
                               "local provided (go binary)"),
        }
        for name, (command, task_root, handler, runtime) in specs.items():
            if not (task_root / handler.split(".")[0]).exists() and not any(task_root.glob(handler.split(".")[0] + ".*")):
                raise Failure(f"{name}: no {handler.split('.')[0]} in {task_root}; run make lambdas")
            env = clean_env()
            env.update(CREDENTIALS)
            env.update({
                "AWS_REGION": svc.REGION, "AWS_DEFAULT_REGION": svc.REGION,
                "AWS_ENDPOINT_URL_DYNAMODB": self.dynamodb_url,
                "AWS_EC2_METADATA_DISABLED": "true",
                "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
                "AWS_LAMBDA_FUNCTION_NAME": name, "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(MEMORY_MB),
                "AWS_LAMBDA_LOG_GROUP_NAME": f"/aws/lambda/{name}",
                "AWS_XRAY_DAEMON_ADDRESS": f"127.0.0.1:{self.udp_port}",
                "AWS_XRAY_CONTEXT_MISSING": "LOG_ERROR",
                "LAMBDA_TASK_ROOT": str(task_root), "LAMBDA_RUNTIME_DIR": str(HERE), "_HANDLER": handler,
                "TABLE_NAME": TABLE, "TZ": "UTC", "PYTHONUNBUFFERED": "1",
                "XSPY_LOCAL_RUNTIME": runtime, "XSPY_LOCAL_FUNCTION_ARN": svc.function_arn(name),
            })
            if otel:
                env.update({"TRACING": "otel",
                            "OTEL_EXPORTER_OTLP_ENDPOINT": f"http://127.0.0.1:{self.otlp_port}",
                            "OTEL_EXPORTER_OTLP_PROTOCOL": "http/protobuf",
                            "OTEL_SERVICE_NAME": name,
                            "NODE_PATH": str(ts / "node_modules"),
                            "PYTHONPATH": str(py / "dist")})
            self.environments[name] = Environment(name, command, env, str(task_root), MEMORY_MB,
                                                  self.args.timeout, self.run_dir / f"{name}.out")
            self.logs_group(name)

    def logs_group(self, name):
        try:
            self.logs.create_log_group(logGroupName=f"/aws/lambda/{name}")
        except self.logs.exceptions.ResourceAlreadyExistsException:
            pass

    # ---- a round: one upload, fanned out to the three functions ----

    def round(self, n):
        now = time.time()
        trace_id = svc.new_trace_id(now)
        sns_id = svc.new_id()
        key = f"test-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime(now))}-{n}.txt"
        event = svc.sns_event(key, len(key) + 20, now)
        self.evict_idle()
        published = time.time()
        with ThreadPoolExecutor(len(self.environments)) as pool:
            futures = [pool.submit(self.invoke, name, env, event, trace_id, sns_id, published)
                       for name, env in self.environments.items()]
            sns_end = time.time()
            self.send(svc.sns_segment(trace_id, sns_id, now, sns_end))
            results = [f.result() for f in futures]
        self.trace_ids.append(trace_id)
        self.say(f"round {n}: {key} trace {trace_id}: "
                 + ", ".join(f"{name.split('-')[1]} {r}" for name, r in zip(self.environments, results)))
        return trace_id

    def invoke(self, name, env, event, trace_id, parent_id, queued):
        function_id = svc.new_id()
        header = f"Root={trace_id};Parent={function_id};Sampled=1"
        inv = env.invoke(event, header, queued)
        report = svc.report_line(inv, MEMORY_MB, env.max_memory_mb(), trace_id, function_id)
        env.end_lines(inv, report)
        # Lambda's own segments, with active tracing in both modes (under ADOT too)
        service, function = svc.lambda_segments(name, trace_id, parent_id, function_id, inv)
        self.send(function)
        self.send(service)
        self.forward_logs(name, env)
        return ("cold " if inv.cold else "warm ") + inv.outcome

    def send(self, document):
        self.udp.sendto(svc.datagram(document), ("127.0.0.1", self.udp_port))

    def forward_logs(self, name, env):
        """This environment's new lines to CloudWatch Logs (xspy serve), in its log stream."""
        stream = env.log_stream
        lines = env.take_lines()
        if not lines:
            return
        group = f"/aws/lambda/{name}"
        if stream not in self.streams_made:
            self.logs.create_log_stream(logGroupName=group, logStreamName=stream)
            self.streams_made.add(stream)
        for i in range(0, len(lines), 5000):
            batch = [{"timestamp": int(t * 1000), "message": m[:200_000]} for t, m in lines[i:i + 5000]]
            self.logs.put_log_events(logGroupName=group, logStreamName=stream, logEvents=batch)

    def evict_idle(self):
        """An environment idle longer than --idle is shut down: the next event starts it cold."""
        now = time.time()
        for name, env in self.environments.items():
            if env.running() and env.last_used and now - env.last_used > self.args.idle:
                self.say(f"{name}: idle {now - env.last_used:.0f} s, environment shut down", terminal=False)
                env.stop()
                self.forward_logs(name, env)

    def wait_ingested(self, trace_ids):
        """Until xspy holds each trace's DynamoDB calls of the three functions (and, with X-Ray, Lambda's
        segments): what an export must contain."""
        def complete():
            found = self.xray.batch_get_traces(TraceIds=trace_ids)
            if len(found.get("Traces", [])) < len(trace_ids):
                return False
            for trace in found["Traces"]:
                docs = [json.loads(s["Document"]) for s in trace["Segments"]]
                if count_operations(docs, "PutItem") < len(self.environments):
                    return False
                functions = sum(1 for d in docs if d.get("origin") == "AWS::Lambda::Function")
                if functions < len(self.environments):
                    return False
            return True
        self.wait_until("the traces in xspy", complete)

    def close(self):
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not leave anything running
        self.stop.set()
        for env in self.environments.values():
            env.close()
        for name, p in reversed(self.processes):
            stop_group(p)
        self.udp.close()
        self.log.close()


def count_operations(docs, operation):
    """Calls of an AWS operation in these documents and their subsegments. OpenTelemetry spans translated by
    xspy may name it Service/Operation (the Go SDK's newer semantic conventions)."""
    n = 0
    for d in docs:
        named = str(d.get("aws", {}).get("operation", ""))
        if named == operation or named.endswith("/" + operation):
            n += 1
        n += count_operations(d.get("subsegments", []), operation)
    return n


def xspy_env():
    env = clean_env()
    env.update(CREDENTIALS)
    env.update({"AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null"})
    return env


def interrupted(signum, frame):
    raise KeyboardInterrupt()


def run(args):
    run_dir = Path(args.run_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    for old in run_dir.glob("*.log"):  # this run's logs only
        old.unlink()
    for old in run_dir.glob("*.out"):
        old.unlink()
    export = Path(args.export).resolve() if args.export else None
    if export is not None and export.exists():
        raise Failure(f"EXPORT={args.export} exists; remove it or choose another file")
    stack = Stack(args, run_dir)
    signal.signal(signal.SIGTERM, interrupted)  # as Ctrl-C: through the finally below
    try:
        stack.say(f"starting moto's DynamoDB, xspy and the three functions ({args.tracing}); logs in {run_dir}")
        stack.start_services()
        stack.start_functions()
        started = time.time()
        window = f"{int((args.count * (args.interval + 30) + 600) // 60) + 15}m"
        query = [args.xspy, "--endpoint-url", stack.xspy_url, "--region", svc.REGION, "--since", window]
        first = stack.round(1)
        stack.wait_ingested([first])
        if export is not None:
            for n in range(2, args.count + 1):
                time.sleep(max(0.0, started + (n - 1) * args.interval - time.time()))
                stack.round(n)
            stack.wait_ingested(stack.trace_ids)
            result = subprocess.run(query + ["export", "--output", str(export)], env=xspy_env(),
                                    stdin=subprocess.DEVNULL, capture_output=True, text=True)
            sys.stderr.write(result.stderr)
            if result.returncode != 0:
                raise Failure(f"xspy export failed (exit {result.returncode})")
            return 0
        # the TUI in front; rounds go on behind it, their messages only in driver.log
        def rounds():
            for n in range(2, args.count + 1):
                if stack.stop.wait(max(0.0, started + (n - 1) * args.interval - time.time())):
                    return
                try:
                    stack.round(n)
                except Exception as e:  # the TUI stays; the log says why rounds stopped
                    stack.say(f"round {n} failed: {e!r}")
                    return
        stack.say(f"opening xspy on {stack.xspy_url} ({args.count} rounds, every {args.interval} s), following new "
                  "traces (F stops following), q to stop everything")
        stack.quiet = True
        threading.Thread(target=rounds, name="rounds", daemon=True).start()
        tui = subprocess.run(query + ["--follow"], env=xspy_env())
        return tui.returncode
    finally:
        stack.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10, help="uploads (rounds)")
    parser.add_argument("--interval", type=float, default=5, help="seconds between uploads")
    parser.add_argument("--idle", type=float, default=None,
                        help="seconds an environment may idle before it is shut down (default 3 intervals)")
    parser.add_argument("--tracing", choices=("xray", "otel"), default="xray")
    parser.add_argument("--export", help="run --count rounds without the TUI, write what xspy received here")
    parser.add_argument("--timeout", type=float, default=30, help="function timeout in seconds")
    parser.add_argument("--xspy", default=str(ROOT / "app/target/xspy"))
    parser.add_argument("--go-binary", default=str(ROOT / "target/local/go/bootstrap"))
    parser.add_argument("--run-dir", default=str(ROOT / "target/local/run"))
    args = parser.parse_args()
    if args.count < 1:
        parser.error("--count (N) must be at least 1")
    if args.interval < 0:
        parser.error("--interval (INTERVAL) must not be negative")
    if args.idle is None:
        args.idle = 3 * max(args.interval, 1)
    try:
        return run(args)
    except Failure as e:
        print(f"make local: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("make local: stopped", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
