#!/usr/bin/env python3
"""A counting reverse proxy for the benchmark: listen PORT, forward to UPSTREAM, log bytes.

Both image tools talk to the registry through this proxy during measured runs, so the bytes
each run really sent (request bodies of PUT/PATCH/POST: blob uploads and manifests) and
received are counted on the wire, whatever the registry does with them afterwards (a blob the
client uploads again is counted even if the registry already held it; a cross-repository mount
is a POST without a body and counts 0).

One tab-separated line per request goes to LOG, flushed at once:
    method  path  status  request_body_bytes  response_body_bytes
run.sh notes the log's size before a run and sums the lines written during it.

Usage: count_proxy.py PORT UPSTREAM_HOST:PORT LOG
Loopback only; it stops when killed (run.sh kills it by pid on exit).
"""

import http.client
import http.server
import socketserver
import sys
import threading

CHUNK = 1 << 20
HOP_BY_HOP = {
    "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer",
    "upgrade", "content-length",
}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive to the clients, as the registry offers
    upstream = ("127.0.0.1", 15000)
    log_file = None
    log_lock = threading.Lock()
    local = threading.local()

    def log_message(self, fmt, *args):  # quiet: the byte log is the output
        pass

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

    def _forward(self):
        body = self._read_body()
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        if body or self.command in ("PUT", "POST", "PATCH"):
            headers["Content-Length"] = str(len(body))
        for attempt in (1, 2):  # a kept-alive upstream connection may have been closed
            conn = self._connection()
            try:
                conn.request(self.command, self.path, body=body, headers=headers)
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
        with self.log_lock:
            self.log_file.write(f"{self.command}\t{self.path}\t{resp.status}\t{len(body)}\t{sent}\n")
            self.log_file.flush()

    do_GET = do_HEAD = do_PUT = do_POST = do_PATCH = do_DELETE = _forward


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    port, upstream, log = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    host, _, up_port = upstream.rpartition(":")
    Handler.upstream = (host, int(up_port))
    Handler.log_file = open(log, "a", encoding="utf-8")
    Server(("127.0.0.1", port), Handler).serve_forever()


if __name__ == "__main__":
    main()
