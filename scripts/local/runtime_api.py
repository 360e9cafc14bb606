"""One function's execution environment: a Lambda Runtime API emulator (2018-06-01: next, response, error,
init/error) on 127.0.0.1 and the function's process, kept warm between invocations and started again
(a cold start) when it is gone. Records what the Lambda service would measure: when the process started,
when it first asked for an event (the end of init), when it took each event, answered, and asked again.
The process's output (stdout and stderr, one pipe) is read as it comes and kept in order with the
START / END / REPORT lines, stamped with the time it was read: the log stream of this environment.
"""
import fcntl
import json
import os
import secrets
import select
import signal
import subprocess
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PREFIX = "/2018-06-01/runtime/"


@dataclass
class Invocation:
    request_id: str
    event: dict
    trace_header: str
    deadline_ms: int
    queued: float                       # when the service got the event
    taken: float = 0.0                  # when the function took it (GET next)
    answered: float = 0.0               # when it posted response or error
    next_poll: float = 0.0              # when it asked for the next event (end of Overhead)
    outcome: str = ""                   # "response", "error" or "timeout"
    body: bytes = b""
    cold: bool = False
    init_start: float = 0.0
    init_end: float = 0.0
    done: threading.Event = field(default_factory=threading.Event)
    polled: threading.Event = field(default_factory=threading.Event)


class Environment:
    """A function's warm process and its Runtime API. Not safe for concurrent invokes: one at a time."""

    def __init__(self, name, command, env, cwd, memory_mb, timeout_s, output_path):
        self.name = name
        self.command = command
        self.base_env = env
        self.cwd = cwd
        self.memory_mb = memory_mb
        self.timeout_s = timeout_s
        self.output_path = output_path
        self.lock = threading.Lock()
        self.process = None
        self.pipe = None
        self.partial = b""
        self.lines = []                 # (epoch seconds, message) not yet forwarded
        self.last_time = 0.0
        self.log_stream = None
        self.last_used = 0.0
        self.spawned = 0.0
        self.first_poll = None
        self.pending = None             # the Invocation to hand out
        self.current = None             # the Invocation being handled
        self.previous = None            # answered, waiting for the next poll
        self.generation = 0             # which process a poll came from: a stopped one's polls end
        self.cond = threading.Condition(self.lock)
        self.server = QuietServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, name=f"runtime-api-{name}", daemon=True).start()
        threading.Thread(target=self._read_output, name=f"output-{name}", daemon=True).start()

    @property
    def address(self):
        return f"127.0.0.1:{self.server.server_address[1]}"

    # ---- the process ----

    def running(self):
        return self.process is not None and self.process.poll() is None

    def _spawn(self):
        self.log_stream = f"{time.strftime('%Y/%m/%d', time.gmtime())}/[$LATEST]{secrets.token_hex(16)}"
        env = dict(self.base_env)
        env["AWS_LAMBDA_RUNTIME_API"] = self.address
        env["AWS_LAMBDA_LOG_STREAM_NAME"] = self.log_stream
        read, write = os.pipe()
        fcntl.fcntl(read, fcntl.F_SETFL, fcntl.fcntl(read, fcntl.F_GETFL) | os.O_NONBLOCK)
        self.first_poll = None
        self.spawned = time.time()
        # its own process group, so that stopping it stops whatever it started, and Ctrl-C reaches only us
        self.process = subprocess.Popen(self.command, cwd=self.cwd, env=env, stdin=subprocess.DEVNULL,
                                        stdout=write, stderr=write, start_new_session=True)
        os.close(write)
        self.pipe = read
        self.partial = b""
        self._log(self.spawned, f"INIT_START Runtime Version: {self.base_env.get('XSPY_LOCAL_RUNTIME', 'local')}"
                                f"\tRuntime Version ARN: none (xspy make local)")

    def stop(self):
        """Stops the process (its whole group): TERM, then KILL if it lingers."""
        with self.lock:
            process, self.process = self.process, None
        if process is None:
            return
        with self.lock:
            self.generation += 1
            self.previous = None
            self.cond.notify_all()
        stop_group(process)
        with self.lock:
            self._drain()
            if self.pipe is not None:
                os.close(self.pipe)
                self.pipe = None

    def close(self):
        self.stop()
        self.server.shutdown()
        self.server.server_close()

    # ---- output ----

    def _read_output(self):
        while True:
            pipe = self.pipe
            if pipe is None:
                time.sleep(0.05)
                continue
            try:
                select.select([pipe], [], [], 0.05)
            except (OSError, ValueError):
                continue
            with self.lock:
                self._drain()

    def _drain(self):
        """Reads what the process wrote so far (call with the lock held)."""
        if self.pipe is None:
            return
        while True:
            try:
                chunk = os.read(self.pipe, 65536)
            except BlockingIOError:
                break
            except OSError:
                break
            if not chunk:  # the process has ended: its output is complete, a last line without newline too
                os.close(self.pipe)
                self.pipe = None
                if self.partial:
                    self.partial += b"\n"
                break
            with open(self.output_path, "ab") as f:
                f.write(chunk)
            self.partial += chunk
        *complete, self.partial = self.partial.split(b"\n")
        for raw in complete:
            text = raw.decode("utf-8", "replace").rstrip("\r")
            if text:
                self._log(time.time(), text.replace("\r", "\n"))

    def _log(self, at, message):
        at = max(at, self.last_time)    # one stream's events stay in time order
        self.last_time = at
        self.lines.append((at, message))

    def take_lines(self):
        """The log events written since the last call, for PutLogEvents."""
        with self.lock:
            out, self.lines = self.lines, []
            return out

    # ---- invoking ----

    def invoke(self, event, trace_header, queued):
        """Hands one event to the function (starting it if it is not running) and waits for its answer and
        its next poll. Returns the finished Invocation."""
        inv = Invocation(request_id=str(uuid.uuid4()), event=event, trace_header=trace_header,
                         deadline_ms=int((time.time() + self.timeout_s) * 1000), queued=queued)
        with self.lock:
            if not self.running():
                inv.cold = True
                self._spawn()
                inv.init_start = self.spawned
            self.pending = inv
            self.cond.notify_all()
        deadline = time.time() + self.timeout_s + (30 if inv.cold else 0)
        while not inv.done.wait(0.2) and time.time() < deadline:
            process = self.process
            if process is not None and process.poll() is not None:  # it died without answering
                with self.lock:
                    self._drain()
                    inv.answered = inv.next_poll = time.time()
                    inv.init_end = inv.init_end or inv.answered
                    inv.taken = inv.taken or inv.answered
                    inv.outcome = "exit"
                    self._log(inv.answered, f"RequestId: {inv.request_id} Error: Runtime exited with error: "
                                            f"exit status {process.returncode}\nRuntime.ExitError")
                    self.pending = self.current = None
                self.stop()
                return inv
        if not inv.done.is_set():
            with self.lock:
                self._drain()
                inv.answered = inv.next_poll = time.time()
                inv.outcome = "timeout"
                self._log(inv.answered, f"{time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime())}Z {inv.request_id}"
                                        f" Task timed out after {self.timeout_s:.2f} seconds")
                self.pending = self.current = None
            self.stop()
            return inv
        if inv.outcome == "init-error" or not inv.polled.wait(5):
            inv.next_poll = inv.next_poll or time.time()
        self.last_used = time.time()
        return inv

    def end_lines(self, inv, report):
        """END and REPORT, after the invocation's own lines."""
        with self.lock:
            self._drain()
            self._log(inv.next_poll, f"END RequestId: {inv.request_id}")
            self._log(inv.next_poll, report)

    def max_memory_mb(self):
        """The process's peak resident set (VmHWM), as REPORT's Max Memory Used."""
        try:
            with open(f"/proc/{self.process.pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return max(1, round(int(line.split()[1]) / 1024))
        except (OSError, AttributeError):
            pass
        return 0

    # ---- the Runtime API ----

    def _next(self):
        """GET next: blocks until an event is pending (the function is frozen in between, as in Lambda)."""
        with self.lock:
            generation = self.generation
            now = time.time()
            self._drain()
            if self.first_poll is None:
                self.first_poll = now
            if self.previous is not None:
                self.previous.next_poll = now
                self.previous.polled.set()
                self.previous = None
            while self.pending is None and generation == self.generation:
                self.cond.wait()
            if generation != self.generation:
                return None
            inv, self.pending = self.pending, None
            if inv.cold:
                inv.init_end = self.first_poll
            inv.taken = time.time()
            self.current = inv
            self._log(inv.taken, f"START RequestId: {inv.request_id} Version: $LATEST")
            return inv

    def _answer(self, request_id, outcome, body):
        with self.lock:
            inv = self.current
            if inv is None or inv.request_id != request_id:
                return False
            self._drain()
            inv.answered = time.time()
            inv.outcome = outcome
            inv.body = body
            self.current = None
            self.previous = inv
            inv.done.set()
            return True

    def _init_error(self, body):
        with self.lock:
            inv = self.pending or self.current
            self._drain()
            if inv is not None:
                inv.init_end = inv.taken = inv.answered = time.time()
                inv.outcome = "init-error"
                inv.body = body
                self.pending = self.current = None
                inv.done.set()

    def _handler(self):
        env = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # no access log on the terminal
                pass

            def _reply(self, status, body=b"", headers=None):
                self.send_response(status)
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                if self.path != PREFIX + "invocation/next":
                    return self._reply(404, b'{"errorType":"InvalidRequest"}')
                inv = env._next()
                if inv is None:  # the process that asked has been stopped
                    return self._reply(410, b'{"errorType":"Gone"}')
                self._reply(200, json.dumps(inv.event).encode(), {
                    "Lambda-Runtime-Aws-Request-Id": inv.request_id,
                    "Lambda-Runtime-Deadline-Ms": str(inv.deadline_ms),
                    "Lambda-Runtime-Invoked-Function-Arn": env.base_env["XSPY_LOCAL_FUNCTION_ARN"],
                    "Lambda-Runtime-Trace-Id": inv.trace_header,
                })

            def _body(self):
                if "chunked" in self.headers.get("Transfer-Encoding", "").lower():  # Go's runtime client
                    body = b""
                    while True:
                        size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                        if size == 0:
                            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                                pass  # trailers
                            return body
                        body += self.rfile.read(size)
                        self.rfile.readline()
                length = int(self.headers.get("Content-Length") or 0)
                return self.rfile.read(length) if length else b""

            def do_POST(self):
                body = self._body()
                path = self.path[len(PREFIX):] if self.path.startswith(PREFIX) else ""
                if path == "init/error":
                    env._init_error(body)
                    return self._reply(202, b'{"status":"OK"}')
                parts = path.split("/")
                if len(parts) == 3 and parts[0] == "invocation" and parts[2] in ("response", "error"):
                    if env._answer(parts[1], parts[2], body):
                        return self._reply(202, b'{"status":"OK"}')
                    return self._reply(400, b'{"errorType":"InvalidRequestID"}')
                self._reply(404, b'{"errorType":"InvalidRequest"}')

        return Handler


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a function process stopped mid-request: nothing to report


def stop_group(process, grace=10):
    """TERM to the process's group, KILL after `grace` seconds, and reap it."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait()
    # children that outlived their leader keep the group: make sure none stays
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
