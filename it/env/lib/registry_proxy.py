#!/usr/bin/env python3
"""A reverse proxy in front of the test registry that counts what clients send and, when told
to, fails as busy registries fail.

Counting (the benchmark): one tab-separated line per request goes to LOG, flushed at once:
    method  path  status  request_body_bytes  response_body_bytes
so the bytes a run really sent are counted on the wire, whatever the registry does with them
(a blob uploaded again is counted; a cross-repository mount is a POST without a body, 0).
A request the proxy failed on purpose is logged with its injected status, or 0 for a reset.

Bodies are streamed both ways, never held in memory (blobs can be hundreds of MB): request
bodies with Content-Length or chunked (passed on chunked), responses with Content-Length,
chunked, or up to the registry's close. Connections to clients are kept alive; the Host header
goes to the registry as the client sent it, so the registry's Location headers name the proxy.

Faults (the reliability scenarios): rules are added at run time through a control API on the
same port, under /_faults (never under /v2/, so no registry path is shadowed):

    POST   /_faults   {"path": REGEX, "method": "PUT", "status": 503, "times": 2,
                       "retryAfter": "1"}
                      the next `times` requests whose method matches (any, if absent) and
                      whose path and query match REGEX (re.search) are answered with `status`
                      and a distribution error body, with Retry-After if given; the registry
                      never sees them (their body is read and dropped, so the client gets
                      the answer on a connection that stays usable).
                      {"path": REGEX, "status": 429, "seconds": 3, "retryAfter": "1"}
                      every matching request gets that answer for `seconds` from the first
                      one (so the window opens when the client gets there, however long its
                      start took).
                      {"path": REGEX, "action": "reset", "times": 1, "afterBytes": 65536}
                      the next matching requests have their connection reset (RST) after
                      that many bytes of their body were read (at once, without a body).
                      {"path": REGEX, "action": "proxyAuth", "credentials": "user:password"}
                      matching requests must carry those credentials in Proxy-Authorization
                      (Basic), else they get 407; `hits` counts the 407s, `passed` the others.
                      {"path": REGEX, "action": "throttle", "bytesPerSecond": 52428800}
                      fails nothing: the bodies of matching requests go on to the registry,
                      and the bodies of the registry's answers back to the client, no faster
                      than that (a slow network, for a client's progress reports on a push
                      or a pull); `hits` counts them.
                      {"path": REGEX, "action": "count"}
                      fails nothing: matching requests go to the registry and `hits` counts
                      them (to prove that a client went through the proxy); other rules
                      still apply to them.
                      The answer is the rule as GET lists it.
    GET    /_faults   the rules in order, each with how many requests it has hit so far
                      (`hits`) and what is left (`timesLeft`, `secondsLeft`)
    DELETE /_faults?path=REGEX   removes the rules with exactly that path (all without ?path=)

Scenarios running side by side scope their rules by repository (`/v2/it/<scenario>/`). Any rule
may also name "userAgent": a regex the request's User-Agent must match (to fail one client's
requests and not another's).

Usage: registry_proxy.py [HOST:]PORT UPSTREAM_HOST:PORT LOG [IDLE_EXIT_SECONDS]
                         [--pid-file FILE] [--upstream-grace SECONDS]
It listens on a loopback address only (127.0.0.1 unless HOST says another loopback address;
anything else is refused) and forwards to a loopback registry only. It stops by itself:
after IDLE_EXIT_SECONDS (default: never) without a request; with --pid-file, once that file
(the proxy writes its pid into it) is removed; with
--upstream-grace, once the registry has refused connections for that many seconds.
it/env/stop.sh and the benchmark stop it by pid.
It also serves as a forward proxy for plain HTTP: a request whose target is a whole URL
(http://any-name:port/v2/...) goes to the upstream registry all the same, so that a client
proves it went through a proxy by naming a registry no resolver knows. HTTPS (CONNECT) is not
served.
"""

import argparse
import base64
import http.client
import http.server
import ipaddress
import json
import os
import re
import socket
import socketserver
import struct
import sys
import threading
import time
import urllib.parse

CHUNK = 1 << 20
HOP_BY_HOP = {
    "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer",
    "upgrade", "content-length", "expect", "proxy-authorization",
}
CODES = {408: "TIMEOUT", 429: "TOOMANYREQUESTS", 500: "UNKNOWN", 502: "UNAVAILABLE",
         503: "UNAVAILABLE", 504: "UNAVAILABLE"}
ACTIONS = ("status", "reset", "proxyAuth", "count", "throttle")


class Rule:
    """One fault: which requests, what happens to them, how often it happened."""

    def __init__(self, spec):
        self.path = spec["path"]
        self.pattern = re.compile(self.path)
        self.method = spec.get("method")
        self.user_agent = re.compile(spec["userAgent"]) if spec.get("userAgent") else None
        self.action = spec.get("action", "status")
        if self.action not in ACTIONS:
            raise ValueError("action must be one of " + ", ".join(ACTIONS))
        self.credentials = spec.get("credentials")
        if self.action == "proxyAuth" and not self.credentials:
            raise ValueError("proxyAuth needs credentials")
        self.passed = 0
        self.bytes_per_second = int(spec.get("bytesPerSecond", 0))
        if self.action == "throttle" and self.bytes_per_second <= 0:
            raise ValueError("throttle needs bytesPerSecond above 0")
        self.status = int(spec.get("status", 503))
        self.retry_after = spec.get("retryAfter")
        self.after_bytes = int(spec.get("afterBytes", 0))
        self.seconds = float(spec["seconds"]) if "seconds" in spec else None
        self.until = None  # a window opens at its first request
        counted = self.seconds is not None or self.action in ("count", "throttle")
        self.left = None if counted else int(spec.get("times", 1))
        self.hits = 0

    def matches(self, method, path, user_agent):
        if self.method and self.method != method or not self.pattern.search(path):
            return False
        return not self.user_agent or self.user_agent.search(user_agent or "")

    def takes(self, method, path, proxy_authorization=None, user_agent=""):
        """Whether this rule fails the request; counts what it did. Callers hold Faults.lock."""
        if not self.matches(method, path, user_agent):
            return False
        if self.action in ("count", "throttle"):
            self.hits += 1
            return False
        if self.action == "proxyAuth":
            expected = "Basic " + base64.b64encode(self.credentials.encode()).decode()
            if proxy_authorization == expected:
                self.passed += 1
                return False
            self.hits += 1
            return True
        if self.seconds is not None:
            if self.until is None:
                self.until = time.monotonic() + self.seconds
            elif time.monotonic() >= self.until:
                return False
        elif self.left <= 0:
            return False
        else:
            self.left -= 1
        self.hits += 1
        return True

    def describe(self):
        return {"path": self.path, "method": self.method, "action": self.action,
                "status": self.status, "retryAfter": self.retry_after,
                "afterBytes": self.after_bytes,
                "bytesPerSecond": self.bytes_per_second,
                "timesLeft": self.left,
                "secondsLeft": None if self.seconds is None
                else self.seconds if self.until is None
                else max(0.0, round(self.until - time.monotonic(), 1)),
                "hits": self.hits, "passed": self.passed}


class Faults:
    lock = threading.Lock()
    rules = []

    @classmethod
    def take(cls, method, path, proxy_authorization, user_agent):
        """The first rule that fails this request, or None; every counting rule counts it."""
        with cls.lock:
            for rule in cls.rules:
                if rule.takes(method, path, proxy_authorization, user_agent):
                    return rule
        return None

    @classmethod
    def rate(cls, method, path, user_agent):
        """The slowest throttle rule's bytes per second for this request's body, or None."""
        with cls.lock:
            rates = [rule.bytes_per_second for rule in cls.rules
                     if rule.action == "throttle" and rule.matches(method, path, user_agent)]
        return min(rates) if rates else None


class Activity:
    """When the last request came, and how many are under way (a long upload is not idle)."""
    lock = threading.Lock()
    last = time.monotonic()
    active = 0

    @classmethod
    def begin(cls):
        with cls.lock:
            cls.active += 1
            cls.last = time.monotonic()

    @classmethod
    def end(cls):
        with cls.lock:
            cls.active -= 1
            cls.last = time.monotonic()

    @classmethod
    def idle_for(cls):
        with cls.lock:
            return 0.0 if cls.active else time.monotonic() - cls.last


class ClientGone(Exception):
    """The client closed its connection before its request body ended."""


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive to the clients, as the registry offers
    timeout = 600  # a client that says nothing for ten minutes loses its connection
    upstream = ("127.0.0.1", 15000)
    log_file = None
    log_lock = threading.Lock()
    local = threading.local()

    def log_message(self, fmt, *args):  # quiet: the request log is the output
        pass

    def _log(self, status, received, sent):
        with self.log_lock:
            self.log_file.write(f"{self.command}\t{self.path}\t{status}\t{received}\t{sent}\n")
            self.log_file.flush()

    # ---- request bodies, streamed ----------------------------------------------------------

    def _chunked_request(self):
        return "chunked" in self.headers.get("Transfer-Encoding", "").lower()

    def _has_body(self):
        return self._chunked_request() or int(self.headers.get("Content-Length") or 0) > 0

    def _body(self, limit=None):
        """The request body in pieces as they arrive, de-chunked; stops after `limit` bytes."""
        left_in_limit = float("inf") if limit is None else limit
        if self._chunked_request():
            while left_in_limit > 0:
                line = self.rfile.readline(1024)
                if not line:
                    raise ClientGone()
                size = int(line.split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline(8192) not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return
                for data in self._exactly(min(size, left_in_limit)):
                    left_in_limit -= len(data)
                    yield data
                if left_in_limit <= 0:
                    return
                self.rfile.readline(1024)  # the chunk's CRLF
        else:
            length = int(self.headers.get("Content-Length") or 0)
            yield from self._exactly(min(length, left_in_limit))

    def _exactly(self, size):
        while size > 0:
            data = self.rfile.read(min(CHUNK, size))
            if not data:
                raise ClientGone()
            size -= len(data)
            yield data

    def _drain(self):
        return sum(len(data) for data in self._body())

    # ---- answers of the proxy's own --------------------------------------------------------

    def _reply(self, status, body, headers=()):
        self.send_response_only(status)
        for key, value in headers:
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status, code, message, headers=()):
        body = json.dumps({"errors": [{"code": code, "message": message}]}).encode()
        self._reply(status, body, [("Content-Type", "application/json"),
                                   ("Docker-Distribution-API-Version", "registry/2.0"),
                                   *headers])

    def _handle(self):
        Activity.begin()
        try:
            if urllib.parse.urlsplit(self.path).path == "/_faults":
                self._control()
            else:
                self._proxy()
        except ClientGone:
            self.close_connection = True
            self._log(-1, 0, 0)
        finally:
            Activity.end()

    def _proxy(self):
        rule = Faults.take(self.command, self.path, self.headers.get("Proxy-Authorization"),
                           self.headers.get("User-Agent"))
        if rule is None:
            self._forward()
        elif rule.action == "reset":
            self._reset(rule)
        elif rule.action == "proxyAuth":
            received = self._drain()
            self._reply(407, b"", [("Proxy-Authenticate", 'Basic realm="test-bed proxy"')])
            self._log(407, received, 0)
        else:
            received = self._drain()
            retry_after = [] if rule.retry_after is None else [("Retry-After", str(rule.retry_after))]
            self._error(rule.status, CODES.get(rule.status, "UNKNOWN"),
                        "injected by the test bed's registry proxy", retry_after)
            self._log(rule.status, received, 0)

    def _reset(self, rule):
        """Reads part of the body, then drops the connection with a TCP reset."""
        received = sum(len(data) for data in self._body(limit=rule.after_bytes))
        self.close_connection = True
        self._log(0, received, 0)
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        # The socket closes (and sends the RST) only once its file objects are closed too.
        self.rfile.close()
        self.connection.close()

    def _control(self):
        body = b"".join(self._body())
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        try:
            if self.command == "POST":
                rule = Rule(json.loads(body or b"{}"))
                with Faults.lock:
                    Faults.rules.append(rule)
                answer = rule.describe()
            elif self.command == "DELETE":
                with Faults.lock:
                    Faults.rules = [r for r in Faults.rules
                                    if "path" in query and r.path not in query["path"]]
                answer = {"rules": len(Faults.rules)}
            elif self.command in ("GET", "HEAD"):
                with Faults.lock:
                    answer = [r.describe() for r in Faults.rules]
            else:
                raise ValueError("/_faults takes GET, POST and DELETE")
        except (ValueError, KeyError, TypeError, re.error) as e:
            self._reply(400, json.dumps({"error": str(e)}).encode(),
                        [("Content-Type", "application/json")])
            return
        self._reply(200, json.dumps(answer).encode(), [("Content-Type", "application/json")])

    # ---- pass-through ----------------------------------------------------------------------

    def _connection(self, fresh):
        conn = getattr(self.local, "conn", None)
        if conn is None or fresh:
            if conn is not None:
                conn.close()
            conn = http.client.HTTPConnection(*self.upstream, timeout=600)
            self.local.conn = conn
        return conn

    def _drop_connection(self):
        conn = getattr(self.local, "conn", None)
        if conn is not None:
            conn.close()
        self.local.conn = None

    def _send_upstream(self, conn, target, headers, chunked, rate=None):
        """Sends the request and streams its body, no faster than `rate` bytes per second if
        given; returns the bytes of body sent."""
        conn.putrequest(self.command, target, skip_host=True, skip_accept_encoding=True)
        for key, value in headers:
            conn.putheader(key, value)
        conn.endheaders()
        sent = 0
        started = time.monotonic()
        for data in self._body():
            if rate:
                ahead = started + (sent + len(data)) / rate - time.monotonic()
                if ahead > 0:
                    time.sleep(ahead)
            if chunked:
                conn.send(b"%x\r\n" % len(data))
                conn.send(data)
                conn.send(b"\r\n")
            else:
                conn.send(data)
            sent += len(data)
        if chunked:
            conn.send(b"0\r\n\r\n")
        return sent

    def _forward(self):
        target = self.path
        if target.startswith("http://"):
            # A forward-proxy request: the registry is the upstream, whatever the name.
            split = urllib.parse.urlsplit(target)
            target = split.path + ("?" + split.query if split.query else "")
        headers = [(k, v) for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP]
        if "Host" not in self.headers:
            headers.append(("Host", "%s:%d" % self.upstream))
        chunked = self._chunked_request()
        if chunked:
            headers.append(("Transfer-Encoding", "chunked"))
        elif self._has_body() or self.command in ("PUT", "POST", "PATCH"):
            headers.append(("Content-Length", self.headers.get("Content-Length") or "0"))
        # A kept-alive upstream connection may have been closed by the registry meanwhile: a
        # request without a body is sent again on a new one; one with a body gets a new one.
        has_body = self._has_body()
        rate = Faults.rate(self.command, self.path, self.headers.get("User-Agent"))
        received = 0
        for attempt in (1, 2):
            conn = self._connection(fresh=has_body or attempt == 2)
            try:
                received = self._send_upstream(conn, target, headers, chunked, rate)
                resp = conn.getresponse()
                break
            except (http.client.HTTPException, OSError) as e:
                self._drop_connection()
                if has_body or attempt == 2:
                    if has_body:
                        self.close_connection = True  # the rest of the body is not read
                    self._error(502, "UNAVAILABLE", f"registry proxy: upstream failed: {e}")
                    self._log(502, received, 0)
                    return
        sent = self._relay(resp, rate)
        if resp.will_close:
            self._drop_connection()
        self._log(resp.status, received, sent)

    def _relay(self, resp, rate=None):
        """Streams the registry's answer to the client, no faster than `rate` bytes per second
        if given; returns the bytes of body sent."""
        self.send_response_only(resp.status, resp.reason)
        for key, value in resp.getheaders():
            if key.lower() not in HOP_BY_HOP:
                self.send_header(key, value)
        length = resp.getheader("Content-Length")
        if self.command == "HEAD" or resp.status in (204, 304) or resp.status < 200:
            if length is not None:
                self.send_header("Content-Length", length)
            self.end_headers()
            resp.read()
            return 0
        if resp.chunked:
            self.send_header("Transfer-Encoding", "chunked")
        elif length is not None:
            self.send_header("Content-Length", length)
        else:  # the registry ends the body by closing; so does the proxy
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        sent = 0
        started = time.monotonic()
        try:
            while True:
                data = resp.read1(CHUNK)
                if not data:
                    break
                if rate:
                    ahead = started + (sent + len(data)) / rate - time.monotonic()
                    if ahead > 0:
                        time.sleep(ahead)
                if resp.chunked:
                    self.wfile.write(b"%x\r\n" % len(data))
                    self.wfile.write(data)
                    self.wfile.write(b"\r\n")
                else:
                    self.wfile.write(data)
                sent += len(data)
        except (http.client.HTTPException, OSError):
            # The registry broke off: so does the client's connection, as the registry's did.
            self._drop_connection()
            self.close_connection = True
            return sent
        # read1 leaves a Content-Length answer open at its end, and http.client sends nothing
        # more on a connection whose answer is open.
        resp.close()
        if resp.chunked:
            self.wfile.write(b"0\r\n\r\n")
        return sent

    do_GET = do_HEAD = do_PUT = do_POST = do_PATCH = do_DELETE = _handle


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def loopback_address(text, what):
    """HOST:PORT (or PORT, meaning 127.0.0.1) as (host, port); anything but loopback exits."""
    host, _, port = text.rpartition(":")
    host = host.strip("[]") or "127.0.0.1"
    try:
        if not ipaddress.ip_address(host).is_loopback:
            raise ValueError()
        number = int(port)
        if not 0 < number < 65536:
            raise ValueError()
    except ValueError:
        sys.exit(f"registry_proxy: refusing {what} {text!r}: it must be a loopback IP address "
                 f"and a port (127.0.0.1:15002); the proxy fails requests on demand for anyone "
                 f"who can reach it, so it serves this machine only")
    return host, number


def upstream_answers(upstream):
    try:
        socket.create_connection(upstream, timeout=2).close()
        return True
    except OSError:
        return False


def watch(idle_exit, pid_file, upstream_grace, upstream, tick=0.5):
    """Ends the process when one of its stop conditions holds: a test bed left behind stops."""
    upstream_down_since = None
    # The registry is asked at most every few seconds, not at every tick.
    upstream_every = min(5.0, upstream_grace / 4)
    next_upstream_check = 0.0
    while True:
        time.sleep(tick)
        now = time.monotonic()
        if idle_exit and Activity.idle_for() > idle_exit:
            reason = f"no request for {idle_exit:g} s"
        elif pid_file and not os.path.exists(pid_file):
            reason = f"{pid_file} was removed"
        elif upstream_grace and now >= next_upstream_check and not upstream_answers(upstream):
            next_upstream_check = now + upstream_every
            upstream_down_since = upstream_down_since or now
            if now - upstream_down_since < upstream_grace:
                continue
            reason = f"the registry {upstream[0]}:{upstream[1]} refused connections for {upstream_grace:g} s"
        else:
            if upstream_grace and now >= next_upstream_check:
                next_upstream_check = now + upstream_every
                upstream_down_since = None
            continue
        print(f"registry_proxy: stopping: {reason}", file=sys.stderr, flush=True)
        os._exit(0)


def main():
    parser = argparse.ArgumentParser(description="The test bed's registry proxy; see the module docstring.")
    parser.add_argument("listen", help="[HOST:]PORT, a loopback address (default host 127.0.0.1)")
    parser.add_argument("upstream", help="HOST:PORT of the plain-HTTP registry, on loopback")
    parser.add_argument("log", help="file the request log is appended to")
    parser.add_argument("idle_exit", nargs="?", type=float, default=0,
                        help="stop after this many seconds without a request (0: never)")
    parser.add_argument("--pid-file", help="write the pid here; stop once the file is removed")
    parser.add_argument("--upstream-grace", type=float, default=0,
                        help="stop once the registry has refused connections this many seconds (0: never)")
    args = parser.parse_args()
    listen = loopback_address(args.listen, "to listen on")
    Handler.upstream = loopback_address(args.upstream, "to forward to")
    Handler.log_file = open(args.log, "a", encoding="utf-8")
    server_class = Server
    if ":" in listen[0]:
        server_class = type("Server6", (Server,), {"address_family": socket.AF_INET6})
    # The pid file is whole before the port answers: whoever waits for the port may read it.
    if args.pid_file:
        with open(args.pid_file + ".tmp", "w", encoding="ascii") as f:
            f.write(f"{os.getpid()}\n")
        os.replace(args.pid_file + ".tmp", args.pid_file)
    try:
        server = server_class(listen, Handler)
    except OSError:
        if args.pid_file:
            os.unlink(args.pid_file)
        raise
    if args.idle_exit or args.pid_file or args.upstream_grace:
        threading.Thread(target=watch, daemon=True,
                         args=(args.idle_exit, args.pid_file, args.upstream_grace, Handler.upstream)).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
