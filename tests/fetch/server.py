#!/usr/bin/env python3
"""server.py -- a loopback HTTP server for the fetch tests (127.0.0.1 only).

Usage: server.py [--root DIR]... [--map TSV] [--portfile FILE]
Serves GET /<mode>/<path>, where <path> is looked up under each --root in turn,
then in --map (lines "mirror_path<TAB>local file"), and <mode> injects a fault:
  ok       the file, honouring "Range: bytes=N-" with 206
  404      always 404
  500once  500 on the first request for a path, then ok
  cut      the first request for a path sends half the body and closes; then ok
  badsum   the file with one byte flipped
  slow     sends the headers and 10 bytes, then stalls for 60 s
  loop     302 to itself, forever
  norange  the whole file with 200 even when a range is asked for
The chosen port is written to --portfile (bind to port 0: a free port).
"""
import argparse, http.server, os, sys, threading, time

ap = argparse.ArgumentParser()
ap.add_argument("--root", action="append", default=[])
ap.add_argument("--map")
ap.add_argument("--portfile", required=True)
args = ap.parse_args()

mapping = {}
if args.map:
    with open(args.map) as f:
        for ln in f:
            k, v = ln.rstrip("\n").split("\t")
            mapping[k] = v
seen = set()
lock = threading.Lock()


def first(key):
    with lock:
        if key in seen:
            return False
        seen.add(key)
        return True


class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def local(self, path):
        if ".." in path.split("/"):
            return None
        for r in args.root:
            p = os.path.join(r, path)
            if os.path.isfile(p):
                return p
        return mapping.get(path)

    def send_body(self, code, body, extra=()):
        self.send_response(code)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        parts = self.path.lstrip("/").split("/", 1)
        mode, path = (parts + [""])[:2]
        if mode == "loop":
            self.send_response(302)
            self.send_header("Location", self.path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        p = self.local(path)
        if mode == "404" or p is None:
            self.send_body(404, b"not found\n")
            return
        if mode == "500once" and first(("500", path)):
            self.send_body(500, b"try again\n")
            return
        data = open(p, "rb").read()
        if mode == "badsum" and data:
            data = bytes([data[0] ^ 1]) + data[1:]
        start = 0
        rng = self.headers.get("Range")
        if rng and mode != "norange" and rng.startswith("bytes=") and rng.endswith("-"):
            start = int(rng[6:-1])
            if start >= len(data):
                self.send_body(416, b"", [("Content-Range", "bytes */%d" % len(data))])
                return
        body = data[start:]
        if start:
            self.send_response(206)
            self.send_header("Content-Range", "bytes %d-%d/%d" % (start, len(data) - 1, len(data)))
        else:
            self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if mode == "cut" and first(("cut", path)):
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        if mode == "slow":
            self.wfile.write(body[:10])
            self.wfile.flush()
            time.sleep(60)
            return
        self.wfile.write(body)


class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # clients that hang up (timeouts, cut tests) are expected


srv = Server(("127.0.0.1", 0), H)
srv.daemon_threads = True
tmp = args.portfile + ".tmp"
with open(tmp, "w") as f:
    f.write(str(srv.server_address[1]))
os.rename(tmp, args.portfile)
try:
    srv.serve_forever()
except KeyboardInterrupt:
    pass
