#!/usr/bin/env python3
"""Self-test of registry_proxy.py: the proxy as a process (its real command line) in front of a
stub registry in this process. Standard library only; runs in a few seconds:
    /usr/bin/python3 -m unittest discover -s it/env/lib -p '*_test.py'
"""

import hashlib
import http.client
import http.server
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

PROXY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "registry_proxy.py")
MIB = 1 << 20


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pattern(size):
    """`size` bytes that do not repeat in short cycles, made piece by piece."""
    block = hashlib.sha256(b"registry proxy").digest() * (MIB // 32)
    while size > 0:
        piece = block[:min(size, len(block))]
        size -= len(piece)
        yield piece


def pattern_sha256(size):
    digest = hashlib.sha256()
    for piece in pattern(size):
        digest.update(piece)
    return digest.hexdigest()


class Stub(http.server.BaseHTTPRequestHandler):
    """A registry stand-in: records what reached it, hashes request bodies, serves big bodies."""
    protocol_version = "HTTP/1.1"
    seen = []

    def log_message(self, fmt, *args):
        pass

    def _body(self):
        digest, size = hashlib.sha256(), 0
        if "chunked" in self.headers.get("Transfer-Encoding", ""):
            while True:
                length = int(self.rfile.readline().split(b";")[0], 16)
                if length == 0:
                    self.rfile.readline()
                    break
                while length:
                    data = self.rfile.read(min(length, MIB))
                    digest.update(data)
                    size += len(data)
                    length -= len(data)
                self.rfile.readline()
        else:
            left = int(self.headers.get("Content-Length") or 0)
            while left:
                data = self.rfile.read(min(left, MIB))
                digest.update(data)
                size += len(data)
                left -= len(data)
        return digest.hexdigest(), size

    def _answer(self):
        sha, size = self._body()
        Stub.seen.append({"method": self.command, "path": self.path, "sha256": sha, "size": size,
                          "host": self.headers.get("Host"),
                          "transferEncoding": self.headers.get("Transfer-Encoding")})
        if self.path.startswith("/big/"):
            size = int(self.path.rsplit("/", 1)[1])
            self.send_response(200)
            self.send_header("Content-Length", str(size))
            self.end_headers()
            if self.command != "HEAD":
                for piece in pattern(size):
                    self.wfile.write(piece)
            return
        if self.path.startswith("/chunked/"):
            size = int(self.path.rsplit("/", 1)[1])
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for piece in pattern(size):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
            return
        body = json.dumps({"sha256": sha, "size": size}).encode()
        self.send_response(201 if self.command in ("PUT", "POST") else 200)
        self.send_header("Location", f"http://{self.headers.get('Host')}/v2/uploaded")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_HEAD = do_PUT = do_POST = do_PATCH = do_DELETE = _answer


def start_proxy(upstream, *extra, listen=None):
    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix="registry-proxy-", suffix=".tsv", delete=False).name
    process = subprocess.Popen(
        [sys.executable, PROXY, listen or f"127.0.0.1:{port}", upstream, log, *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return process, port, log


def wait_answers(port, process, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the proxy exited: {process.communicate()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"the proxy did not answer on {port}")


def peak_memory_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise AssertionError("no VmHWM")


class RegistryProxyTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.stub = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stub)
        cls.stub.daemon_threads = True
        threading.Thread(target=cls.stub.serve_forever, daemon=True).start()
        cls.upstream = "127.0.0.1:%d" % cls.stub.server_address[1]
        cls.proxy, cls.port, cls.log = start_proxy(cls.upstream)
        wait_answers(cls.port, cls.proxy)

    @classmethod
    def tearDownClass(cls):
        cls.proxy.kill()
        cls.proxy.communicate()
        cls.stub.shutdown()
        os.unlink(cls.log)

    def setUp(self):
        Stub.seen.clear()
        self.control("DELETE", "/_faults")

    def connection(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        self.addCleanup(conn.close)
        return conn

    def control(self, method, path, rule=None):
        conn = self.connection()
        conn.request(method, path, body=None if rule is None else json.dumps(rule),
                     headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        answer = json.loads(resp.read())
        self.assertEqual(resp.status, 200, answer)
        conn.close()
        return answer

    def rules(self):
        return self.control("GET", "/_faults")

    def put(self, conn, path, size, chunked=False):
        if chunked:
            conn.request("PUT", path, body=pattern(size), encode_chunked=True)
        else:
            conn.request("PUT", path, body=pattern(size), headers={"Content-Length": str(size)})
        resp = conn.getresponse()
        return resp, resp.read()

    # ---- pass-through -----------------------------------------------------------------------

    def test_streams_a_big_upload_and_download_without_holding_them(self):
        size = 96 * MIB
        conn = self.connection()
        resp, body = self.put(conn, "/v2/it/pass/blobs/uploads/1?digest=x", size)
        self.assertEqual(resp.status, 201)
        self.assertEqual(json.loads(body), {"sha256": pattern_sha256(size), "size": size})
        # The Host the client sent reaches the registry, so its Location names the proxy.
        self.assertEqual(Stub.seen[-1]["host"], f"127.0.0.1:{self.port}")
        self.assertEqual(resp.getheader("Location"), f"http://127.0.0.1:{self.port}/v2/uploaded")

        conn.request("GET", f"/big/{size}")  # same connection: kept alive
        resp = conn.getresponse()
        self.assertEqual(resp.getheader("Content-Length"), str(size))
        digest = hashlib.sha256()
        while data := resp.read(MIB):
            digest.update(data)
        self.assertEqual(digest.hexdigest(), pattern_sha256(size))
        # Holding either body would have taken the proxy's memory past 96 MiB.
        self.assertLess(peak_memory_kib(self.proxy.pid), 64 * 1024)
        self.assertEqual([r["method"] for r in Stub.seen], ["PUT", "GET"])  # each sent once

    def test_passes_chunked_bodies_both_ways(self):
        size = 3 * MIB + 17
        conn = self.connection()
        resp, body = self.put(conn, "/v2/it/pass/blobs/uploads/2", size, chunked=True)
        self.assertEqual(resp.status, 201)
        self.assertEqual(json.loads(body), {"sha256": pattern_sha256(size), "size": size})
        self.assertEqual(Stub.seen[-1]["transferEncoding"], "chunked")

        conn.request("GET", f"/chunked/{size}")
        resp = conn.getresponse()
        self.assertEqual(hashlib.sha256(resp.read()).hexdigest(), pattern_sha256(size))
        conn.request("HEAD", f"/big/{size}")
        resp = conn.getresponse()
        self.assertEqual((resp.status, resp.getheader("Content-Length"), resp.read()), (200, str(size), b""))
        self.assertEqual([r["method"] for r in Stub.seen], ["PUT", "GET", "HEAD"])  # each sent once

    def test_logs_each_request_with_its_bytes(self):
        conn = self.connection()
        self.put(conn, "/v2/it/log/blobs/uploads/3", 1000)
        # The proxy logs a request just after answering it: wait for the line, a while at most.
        expected = "PUT\t/v2/it/log/blobs/uploads/3\t201\t1000\t"
        deadline = time.monotonic() + 5
        while True:
            with open(self.log) as log:
                text = log.read()
            if expected in text or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        self.assertIn(expected, text)

    # ---- faults -----------------------------------------------------------------------------

    def test_answers_status_the_next_n_times_without_the_registry(self):
        path = "^/v2/it/fault-503/blobs/uploads/"
        rule = self.control("POST", "/_faults", {"method": "PUT", "path": path, "status": 503,
                                                 "times": 2, "retryAfter": "1"})
        self.assertEqual(rule["timesLeft"], 2)
        conn = self.connection()
        for _ in range(2):
            # Its body is read and dropped, so the answer arrives and the connection stays usable.
            resp, body = self.put(conn, "/v2/it/fault-503/blobs/uploads/4?digest=x", 2 * MIB)
            self.assertEqual(resp.status, 503)
            self.assertEqual(resp.getheader("Retry-After"), "1")
            self.assertEqual(json.loads(body)["errors"][0]["code"], "UNAVAILABLE")
        self.assertEqual(Stub.seen, [])
        resp, _ = self.put(conn, "/v2/it/fault-503/blobs/uploads/4?digest=x", 10)
        self.assertEqual(resp.status, 201)
        # Another repository's requests and another method are left alone.
        resp, _ = self.put(conn, "/v2/it/other/blobs/uploads/4", 10)
        self.assertEqual(resp.status, 201)
        [listed] = self.rules()
        self.assertEqual((listed["hits"], listed["timesLeft"]), (2, 0))

    def test_window_answers_every_request_until_it_closes(self):
        path = "/v2/it/fault-429/"
        self.control("POST", "/_faults", {"path": path, "status": 429, "seconds": 1, "retryAfter": "2"})
        conn = self.connection()
        started = time.monotonic()
        for _ in range(3):
            conn.request("HEAD", path + "blobs/sha256:1")
            resp = conn.getresponse()
            resp.read()
            self.assertEqual((resp.status, resp.getheader("Retry-After")), (429, "2"))
        time.sleep(max(0.0, 1.1 - (time.monotonic() - started)))
        conn.request("HEAD", path + "blobs/sha256:1")
        resp = conn.getresponse()
        resp.read()
        self.assertEqual(resp.status, 200)
        self.assertEqual(self.rules()[0]["hits"], 3)

    def test_resets_the_connection_part_way_through_a_body(self):
        path = "/v2/it/fault-reset/blobs/uploads/5"
        self.control("POST", "/_faults", {"method": "PATCH", "path": path, "action": "reset",
                                          "afterBytes": 65536})
        size = 8 * MIB
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as s:
            s.sendall(f"PATCH {path} HTTP/1.1\r\nHost: x\r\nContent-Length: {size}\r\n\r\n".encode())
            with self.assertRaises((ConnectionResetError, BrokenPipeError)):
                for piece in pattern(size):
                    s.sendall(piece)
                s.recv(1)  # the reset shows here if the whole body fit in the buffers
        self.assertEqual(Stub.seen, [])
        self.assertEqual(self.rules()[0]["hits"], 1)
        conn = self.connection()  # once only: the next one goes through
        resp, _ = self.put(conn, path, 100)
        self.assertEqual(resp.status, 201)

    def test_counts_without_failing_and_removes_rules_by_path(self):
        self.control("POST", "/_faults", {"path": "/v2/it/count/", "action": "count"})
        self.control("POST", "/_faults", {"path": "/v2/it/count/", "method": "GET", "status": 502})
        self.control("POST", "/_faults", {"path": "/v2/it/kept/", "status": 500})
        conn = self.connection()
        resp, _ = self.put(conn, "/v2/it/count/blobs/uploads/6", 10)
        self.assertEqual(resp.status, 201)
        conn.request("GET", "/v2/it/count/manifests/1")
        resp = conn.getresponse()
        resp.read()
        self.assertEqual(resp.status, 502)
        self.assertEqual([r["hits"] for r in self.rules()], [2, 1, 0])
        self.assertEqual(self.control("DELETE", "/_faults?path=/v2/it/count/"), {"rules": 1})
        self.assertEqual([r["path"] for r in self.rules()], ["/v2/it/kept/"])

    def test_throttles_bodies_without_failing_them(self):
        self.control("POST", "/_faults", {"path": "/v2/it/slow/", "action": "throttle",
                                          "bytesPerSecond": 4 * MIB})
        conn = self.connection()
        started = time.monotonic()
        resp, body = self.put(conn, "/v2/it/slow/blobs/uploads/7", 6 * MIB)
        took = time.monotonic() - started
        self.assertEqual(resp.status, 201)
        self.assertEqual(json.loads(body), {"sha256": pattern_sha256(6 * MIB), "size": 6 * MIB})
        self.assertGreaterEqual(took, 1.4)  # 6 MiB at 4 MiB/s
        started = time.monotonic()
        resp, _ = self.put(conn, "/v2/it/fast/blobs/uploads/8", 6 * MIB)
        self.assertEqual(resp.status, 201)
        self.assertLess(time.monotonic() - started, 1.0)
        self.assertEqual([r["hits"] for r in self.rules()], [1])

    def test_throttles_answers_as_well(self):
        # A pull: the registry's answer comes back no faster than the rule says, whole.
        self.control("POST", "/_faults", {"path": "^/big/", "action": "throttle",
                                          "bytesPerSecond": 4 * MIB})
        conn = self.connection()
        started = time.monotonic()
        conn.request("GET", f"/big/{6 * MIB}")
        resp = conn.getresponse()
        body = resp.read()
        self.assertGreaterEqual(time.monotonic() - started, 1.4)  # 6 MiB at 4 MiB/s
        self.assertEqual(resp.status, 200)
        self.assertEqual(hashlib.sha256(body).hexdigest(), pattern_sha256(6 * MIB))
        started = time.monotonic()
        conn.request("GET", f"/chunked/{6 * MIB}")
        resp = conn.getresponse()
        self.assertEqual(len(resp.read()), 6 * MIB)
        self.assertLess(time.monotonic() - started, 1.0)

    def test_refuses_a_bad_rule(self):
        conn = self.connection()
        conn.request("POST", "/_faults", body=json.dumps({"path": "(", "status": 503}))
        resp = conn.getresponse()
        self.assertEqual(resp.status, 400)
        self.assertIn("error", json.loads(resp.read()))

    # ---- where it listens, and when it stops --------------------------------------------------

    def test_refuses_anything_but_loopback(self):
        for listen, upstream in (("0.0.0.0:%d" % free_port(), self.upstream),
                                 ("localhost:%d" % free_port(), self.upstream),
                                 ("127.0.0.1:%d" % free_port(), "192.0.2.1:5000")):
            process, _, log = start_proxy(upstream, listen=listen)
            out, err = process.communicate(timeout=10)
            os.unlink(log)
            self.assertNotEqual(process.returncode, 0, listen)
            self.assertIn(b"must be a loopback IP address", err)

    def test_stops_when_idle(self):
        process, port, log = start_proxy(self.upstream, "1")
        self.addCleanup(os.unlink, log)
        wait_answers(port, process)
        _, err = process.communicate(timeout=5)
        self.assertIn(b"stopping: no request for 1 s", err)

    def test_stops_when_its_pid_file_is_removed(self):
        pid_file = tempfile.mktemp(prefix="registry-proxy-", suffix=".pid")
        process, port, log = start_proxy(self.upstream, "--pid-file", pid_file)
        self.addCleanup(os.unlink, log)
        wait_answers(port, process)
        with open(pid_file) as f:
            self.assertEqual(f.read().strip(), str(process.pid))
        os.unlink(pid_file)
        _, err = process.communicate(timeout=5)
        self.assertIn(b"was removed", err)

    def test_stops_when_the_registry_is_gone(self):
        process, port, log = start_proxy("127.0.0.1:%d" % free_port(), "--upstream-grace", "1")
        self.addCleanup(os.unlink, log)
        _, err = process.communicate(timeout=6)
        self.assertIn(b"refused connections for 1 s", err)


if __name__ == "__main__":
    unittest.main()
