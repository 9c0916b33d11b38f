#!/usr/bin/env python3
"""A reverse proxy in front of the test registry that counts what clients send and, when told
to, fails as busy registries fail.

Counting (the benchmark): one tab-separated line per request goes to LOG, flushed at once:
    method  path  status  request_body_bytes  response_body_bytes
so the bytes a run really sent are counted on the wire, whatever the registry does with them
(a blob uploaded again is counted; a cross-repository mount is a POST without a body, 0).
A request the proxy failed on purpose is logged with its injected status, or 0 for a reset.

Faults (the reliability scenarios): rules are added at run time through a control API on the
same port, under /_faults (never under /v2/, so no registry path is shadowed):

    POST   /_faults   {"path": REGEX, "method": "PUT", "status": 503, "times": 2,
                       "retryAfter": "1"}
                      the next `times` requests whose method matches (any, if absent) and
                      whose path and query match REGEX (re.search) are answered with `status`
                      and a distribution error body, with Retry-After if given; the registry
                      never sees them.
                      {"path": REGEX, "status": 429, "seconds": 3, "retryAfter": "1"}
                      every matching request gets that answer for `seconds` from the first
                      one (so the window opens when the client gets there, however long its
                      start took).
                      {"path": REGEX, "action": "reset", "times": 1, "afterBytes": 65536}
                      the next matching requests have their connection reset (RST) after
                      that many bytes of their body were read.
                      {"path": REGEX, "action": "proxyAuth", "credentials": "user:password"}
                      matching requests must carry those credentials in Proxy-Authorization
                      (Basic), else they get 407; `hits` counts the 407s, `passed` the others.
    GET    /_faults   the rules, with how many requests each has hit so far
    DELETE /_faults?path=REGEX   removes the rules with that path (all without ?path=)

Scenarios running side by side scope their rules by repository (`/v2/it/<scenario>/`). Any rule
may also name "userAgent": a regex the request's User-Agent must match (to fail one client's
requests and not another's).

Usage: registry_proxy.py PORT UPSTREAM_HOST:PORT LOG [IDLE_EXIT_SECONDS]
It also serves as a forward proxy for plain HTTP: a request whose target is a whole URL
(http://any-name:port/v2/...) goes to the upstream registry all the same, so that a client
proves it went through a proxy by naming a registry no resolver knows. HTTPS (CONNECT) is not
served. It listens on 127.0.0.1 only, and stops by itself after IDLE_EXIT_SECONDS (default: never)
without a request; it/env/stop.sh and the benchmark stop it by pid.
"""

import http.client
import http.server
import json
import os
import re
import socket
import socketserver
import base64
import struct
import sys
import threading
import time
import urllib.parse

CHUNK = 1 << 20
HOP_BY_HOP = {
    "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer",
    "upgrade", "content-length",
}
CODES = {408: "TIMEOUT", 429: "TOOMANYREQUESTS", 500: "UNKNOWN", 502: "UNAVAILABLE",
         503: "UNAVAILABLE", 504: "UNAVAILABLE"}


class Rule:
    """One fault: which requests, what happens to them, how often it happened."""

    def __init__(self, spec):
        self.path = spec["path"]
        self.pattern = re.compile(self.path)
        self.method = spec.get("method")
        self.user_agent = re.compile(spec["userAgent"]) if spec.get("userAgent") else None
        self.action = spec.get("action", "status")
        if self.action not in ("status", "reset", "proxyAuth"):
            raise ValueError("action must be status, reset or proxyAuth")
        self.credentials = spec.get("credentials")
        if self.action == "proxyAuth" and not self.credentials:
            raise ValueError("proxyAuth needs credentials")
        self.passed = 0
        self.status = int(spec.get("status", 503))
        self.retry_after = spec.get("retryAfter")
        self.after_bytes = int(spec.get("afterBytes", 0))
        self.seconds = float(spec["seconds"]) if "seconds" in spec else None
        self.until = None  # a window opens at its first request
        self.left = int(spec.get("times", 1)) if self.seconds is None else None
        self.hits = 0

    def takes(self, method, path, proxy_authorization=None, user_agent=""):
        if self.method and self.method != method or not self.pattern.search(path):
            return False
        if self.user_agent and not self.user_agent.search(user_agent or ""):
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
        with cls.lock:
            for rule in cls.rules:
                if rule.takes(method, path, proxy_authorization, user_agent):
                    return rule
        return None


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive to the clients, as the registry offers
    upstream = ("127.0.0.1", 15000)
    log_file = None
    log_lock = threading.Lock()
    local = threading.local()
    last_request = time.monotonic()

    def log_message(self, fmt, *args):  # quiet: the request log is the output
        pass

    def _log(self, status, received, sent):
        with self.log_lock:
            self.log_file.write(f"{self.command}\t{self.path}\t{status}\t{received}\t{sent}\n")
            self.log_file.flush()

    def _connection(self):
        conn = getattr(self.local, "conn", None)
        if conn is None:
            conn = http.client.HTTPConnection(*self.upstream, timeout=600)
            self.local.conn = conn
        return conn

    def _read_body(self):
        """The whole request body, de-chunked if the client streamed it chunked."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            parts = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    break
                parts.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(parts)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _reply(self, status, body, headers=()):
        self.send_response_only(status)
        for key, value in headers:
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _handle(self):
        Handler.last_request = time.monotonic()
        if self.path.startswith("/_faults"):
            self._control()
            return
        rule = Faults.take(self.command, self.path, self.headers.get("Proxy-Authorization"),
                           self.headers.get("User-Agent"))
        if rule is None:
            self._forward()
        elif rule.action == "reset":
            self._reset(rule)
        elif rule.action == "proxyAuth":
            self._read_body()
            self._reply(407, b"", [("Proxy-Authenticate", 'Basic realm="test-bed proxy"')])
            self._log(407, 0, 0)
        else:
            body = self._read_body()
            error = {"errors": [{"code": CODES.get(rule.status, "UNKNOWN"),
                                 "message": "injected by the test bed's registry proxy"}]}
            headers = [("Content-Type", "application/json"),
                       ("Docker-Distribution-API-Version", "registry/2.0")]
            if rule.retry_after is not None:
                headers.append(("Retry-After", str(rule.retry_after)))
            self._reply(rule.status, json.dumps(error).encode(), headers)
            self._log(rule.status, len(body), 0)

    def _reset(self, rule):
        """Reads part of the body, then drops the connection with a TCP reset."""
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(min(rule.after_bytes, length))
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self._log(0, min(rule.after_bytes, length), 0)
        self.connection.close()

    def _control(self):
        body = self._read_body()
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
            else:
                with Faults.lock:
                    answer = [r.describe() for r in Faults.rules]
        except (ValueError, KeyError, re.error) as e:
            self._reply(400, json.dumps({"error": str(e)}).encode(),
                        [("Content-Type", "application/json")])
            return
        self._reply(200, json.dumps(answer).encode(), [("Content-Type", "application/json")])

    def _forward(self):
        body = self._read_body()
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() not in HOP_BY_HOP and k.lower() != "proxy-authorization"}
        target = self.path
        if target.startswith("http://"):
            # A forward-proxy request: the registry is the upstream, whatever the name.
            split = urllib.parse.urlsplit(target)
            target = split.path + ("?" + split.query if split.query else "")
        if body or self.command in ("PUT", "POST", "PATCH"):
            headers["Content-Length"] = str(len(body))
        for attempt in (1, 2):  # a kept-alive upstream connection may have been closed
            conn = self._connection()
            try:
                conn.request(self.command, target, body=body, headers=headers)
                resp = conn.getresponse()
                break
            except (http.client.HTTPException, OSError):
                conn.close()
                self.local.conn = None
                if attempt == 2:
                    raise
        self.send_response_only(resp.status, resp.reason)
        for key, value in resp.getheaders():
            if key.lower() not in HOP_BY_HOP:
                self.send_header(key, value)
        sent = 0
        if self.command == "HEAD":
            length = resp.getheader("Content-Length")
            if length is not None:
                self.send_header("Content-Length", length)
            self.end_headers()
            resp.read()
        else:
            length = resp.getheader("Content-Length")
            if length is not None and "chunked" not in (resp.getheader("Transfer-Encoding") or ""):
                # Stream big blob downloads instead of holding them in memory.
                self.send_header("Content-Length", length)
                self.end_headers()
                while True:
                    data = resp.read(CHUNK)
                    if not data:
                        break
                    self.wfile.write(data)
                    sent += len(data)
            else:
                data = resp.read()
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                sent = len(data)
        if resp.getheader("Connection", "").lower() == "close":
            conn.close()
            self.local.conn = None
        self._log(resp.status, len(body), sent)

    do_GET = do_HEAD = do_PUT = do_POST = do_PATCH = do_DELETE = _handle


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def stop_when_idle(seconds):
    """Ends the process once no request came for `seconds`: a test bed left running stops."""
    while True:
        time.sleep(min(seconds, 30))
        if time.monotonic() - Handler.last_request > seconds:
            os._exit(0)


def main():
    port, upstream, log = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    idle = float(sys.argv[4]) if len(sys.argv) > 4 else 0
    host, _, up_port = upstream.rpartition(":")
    Handler.upstream = (host, int(up_port))
    Handler.log_file = open(log, "a", encoding="utf-8")
    if idle > 0:
        threading.Thread(target=stop_when_idle, args=(idle,), daemon=True).start()
    Server(("127.0.0.1", port), Handler).serve_forever()


if __name__ == "__main__":
    main()
