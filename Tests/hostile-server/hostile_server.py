#!/usr/bin/env python3
"""A loopback HTTP server that misbehaves on purpose, for csar-check's hardening tests.

Listens on 127.0.0.1 on an ephemeral port (printed on the first line of standard output), optionally
over TLS with a given certificate, and answers each path with one kind of misbehaviour:

  /ok                    a small valid HTML page (keep-alive)
  /reset-mid-body        announces 100 000 bytes, sends 1 000, then resets the connection (RST)
  /garbage               bytes that are not HTTP at all, then close
  /bad-status            a status line whose code is not a number
  /status-999            a well-formed response with status 999
  /big                   a 50 MB body
  /hang                  reads the request and never answers (until the server stops, at most 120 s)
  /drip                  headers, then one body byte per second (at most 120 bytes)
  /non-utf8              a text/html body that is not valid UTF-8
  /broken-chunked        chunked encoding with an invalid chunk size
  /encoded/gzip|br|zstd  a JSON body in that content encoding, whatever the request asked for
  /invalid-json          application/json that is cut off
  /close-after-response  a keep-alive response, then the connection is closed without a word
  /escape                a body and a Server header full of terminal escape sequences
  /redirect-file         302 to file:///etc/passwd
  /forge                 text and a form id whose line feeds would print lines that look like csar-check's own
  /cross-origin/…?to=O   forms and redirects that would take credentials to origin O (see answer_cross_origin)
  /steal                 a small page: what the other origin answers
  /bomb/gzip?gib=N       a gzip body of N GiB of zeros (about 1 MB per GiB on the wire), issue 19
  /bomb/zstd?gib=N       a zstd body of N GiB of zeros made of RLE blocks (32 KB per GiB on the wire)
  /forms?count=N         a page with N forms, each with an id, two inputs and a button
  /deep?depth=N          a page whose form sits inside N nested <div>s
  /latin1                text/html; charset=iso-8859-1, French accents in ISO-8859-1
  /cp1252-meta           an HTML page in windows-1252 that names its charset only in <meta charset>
  /__requests            the requests received so far (JSON: request line and headers), for tests

Every wait is bounded: the server exits by itself after --lifetime seconds (default 300).
"""
import argparse
import gzip
import html
import json
import select
import socket
import socketserver
import ssl
import struct
import sys
import threading
import time
import urllib.parse
import zlib

RECEIVED = []
RECEIVED_LOCK = threading.Lock()
STOPPING = threading.Event()

JSON_BODY = json.dumps({"compressed": True, "data": [{"id": 1, "name": "Entrepôt de Dakar"}]}).encode()


def brotli_uncompressed(data):
    """A valid brotli stream made of uncompressed meta-blocks (RFC 7932 §9.2), no library needed."""
    bits = []

    def put(value, count):
        for index in range(count):
            bits.append((value >> index) & 1)

    def flush_to_bytes():
        while len(bits) % 8:
            bits.append(0)
        out = bytearray()
        for start in range(0, len(bits), 8):
            byte = 0
            for index in range(8):
                byte |= bits[start + index] << index
            out.append(byte)
        bits.clear()
        return bytes(out)

    out = bytearray()
    put(0, 1)  # WBITS = 16
    for start in range(0, len(data), 65536):
        chunk = data[start:start + 65536]
        put(0, 1)  # ISLAST = 0
        put(0, 2)  # MNIBBLES = 4
        put(len(chunk) - 1, 16)  # MLEN - 1
        put(1, 1)  # ISUNCOMPRESSED
        out += flush_to_bytes() + chunk
    put(1, 1)  # ISLAST
    put(1, 1)  # ISLASTEMPTY
    out += flush_to_bytes()
    return bytes(out)


def zstd_raw(data):
    """A valid zstd frame made of raw blocks (RFC 8878 §3.1.1), no library needed."""
    frame = struct.pack("<I", 0xFD2FB528)
    frame += bytes([0x20 | 0x80])  # single segment, 4-byte content size
    frame += struct.pack("<I", len(data))
    for start in range(0, max(len(data), 1), 65536):
        chunk = data[start:start + 65536]
        last = 1 if start + 65536 >= len(data) else 0
        header = (len(chunk) << 3) | (0 << 1) | last
        frame += struct.pack("<I", header)[:3] + chunk
    return frame


def response(status, reason, body=b"", headers=(), close=False):
    lines = [f"HTTP/1.1 {status} {reason}", f"Content-Length: {len(body)}"]
    lines += [f"{name}: {value}" for name, value in headers]
    if close:
        lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


# --- issue 19 (h19-body): decompression bombs, forms at scale, legacy charsets ---------------------------
BOMB_CACHE = {}
BOMB_LOCK = threading.Lock()


def gzip_bomb(gib):
    """gzip of `gib` GiB of zeros, built once per server: a 1 MiB deflate chunk ended by a full flush (which
    resets the compressor, so every chunk is the same bytes) repeated, then the gzip trailer."""
    with BOMB_LOCK:
        if ("gzip", gib) not in BOMB_CACHE:
            block = bytes(1 << 20)
            compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
            chunk = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
            crc = 0
            for _ in range(gib << 10):
                crc = zlib.crc32(block, crc)
            header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
            trailer = compressor.flush(zlib.Z_FINISH) + struct.pack("<II", crc, (gib << 30) & 0xFFFFFFFF)
            BOMB_CACHE[("gzip", gib)] = header + chunk * (gib << 10) + trailer
        return BOMB_CACHE[("gzip", gib)]


def zstd_bomb(gib):
    """A zstd frame of `gib` GiB of zeros: RLE blocks of 128 KiB, 4 bytes each (RFC 8878 §3.1.1.2)."""
    total = gib << 30
    block = 128 << 10
    count = total // block
    blocks = [struct.pack("<I", (block << 3) | (1 << 1) | (index == count - 1))[:3] + b"\x00" for index in range(count)]
    return struct.pack("<I", 0xFD2FB528) + bytes([0xC0, 0x38]) + struct.pack("<Q", total) + b"".join(blocks)


def query_number(query, name, default, limit):
    for pair in query.split("&"):
        key, _, value = pair.partition("=")
        if key == name and value.isdigit():
            return min(int(value), limit)
    return default


def many_forms_page(count):
    forms = "".join(
        f'<form id="f{index}" method="post" action="/ok"><input name="nom" value="n{index}">'
        f'<input name="objet"><button>Envoyer</button></form>' for index in range(count))
    return f"<!doctype html><title>Forms</title>{forms}".encode()


def deep_page(depth):
    return ("<!doctype html><title>Deep</title>" + "<div>" * depth
            + '<form id="deep" method="post" action="/ok"><input name="nom" value="profond"></form>'
            + "</div>" * depth).encode()


def answer_issue19(handler, path, query):
    """Answers the issue-19 paths; returns None for a path that is not one of them."""
    if path in ("/bomb/gzip", "/bomb/zstd"):
        gib = query_number(query, "gib", 1, 4)
        encoding = path.rsplit("/", 1)[1]
        body = gzip_bomb(gib) if encoding == "gzip" else zstd_bomb(gib)
        headers = [("Content-Type", "text/html"), ("Content-Encoding", encoding)]
        handler.send(response(200, "OK", body, headers))
        return True
    if path == "/forms":
        handler.send(response(200, "OK", many_forms_page(query_number(query, "count", 2000, 100000)),
                              [("Content-Type", "text/html")]))
        return True
    if path == "/deep":
        handler.send(response(200, "OK", deep_page(query_number(query, "depth", 5000, 100000)),
                              [("Content-Type", "text/html")]))
        return True
    if path == "/latin1":
        body = "<!doctype html><title>Entrepôt</title><p>Entrepôt de Thiès, reçu à 10 h</p>".encode("latin-1")
        handler.send(response(200, "OK", body, [("Content-Type", "text/html; charset=iso-8859-1")]))
        return True
    if path == "/cp1252-meta":
        body = ('<!doctype html><meta charset="windows-1252"><title>Entrepôt</title>'
                "<p>Entrepôt de Thiès \u2014 coût 5 \u20ac</p>").encode("cp1252")
        handler.send(response(200, "OK", body, [("Content-Type", "text/html")]))
        return True
    return None
# --- end of issue 19 (h19-body) ---------------------------------------------------------------------------


class Handler(socketserver.BaseRequestHandler):
    def setup(self):
        self.request.settimeout(130)
        self.buffer = b""

    def read_request(self):
        while b"\r\n\r\n" not in self.buffer:
            chunk = self.request.recv(65536)
            if not chunk:
                return None
            self.buffer += chunk
        head, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0") or "0")
        while len(self.buffer) < length:
            chunk = self.request.recv(65536)
            if not chunk:
                break
            self.buffer += chunk
        self.buffer = self.buffer[length:]
        with RECEIVED_LOCK:
            RECEIVED.append({"line": lines[0], "headers": lines[1:]})
        return lines[0].split(" ")[1] if len(lines[0].split(" ")) > 1 else "/"

    def handle(self):
        try:
            while not STOPPING.is_set():
                path = self.read_request()
                if path is None:
                    return
                route, _, query = path.partition("?")
                self.query = query
                keep_open = answer_issue19(self, route, query)
                if not (self.answer(route) if keep_open is None else keep_open):
                    return
        except (OSError, ValueError):
            return

    def send(self, data):
        self.request.sendall(data)

    def answer(self, path):
        """Sends the answer for `path`; returns True when the connection may serve another request."""
        if path == "/ok":
            self.send(response(200, "OK", b"<!doctype html><title>CSAR</title><p>ok</p>", [("Content-Type", "text/html")]))
            return True
        if path == "/reset-mid-body":
            self.send(("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\nContent-Type: text/html\r\n\r\n").encode() + b"x" * 1000)
            time.sleep(0.05)
            self.request.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return False
        if path == "/garbage":
            self.send(b"\x00\xff\xfeNOT HTTP AT ALL \x1b[31m\r\n\r\n\x00\x01\x02")
            return False
        if path == "/bad-status":
            self.send(b"HTTP/1.1 2x0 Weird\r\nContent-Length: 2\r\n\r\nok")
            return False
        if path == "/status-999":
            self.send(response(999, "Odd", b"odd"))
            return True
        if path == "/big":
            total = 50 * 1024 * 1024
            self.send(f"HTTP/1.1 200 OK\r\nContent-Length: {total}\r\nContent-Type: text/plain\r\n\r\n".encode())
            block = b"y" * 65536
            for _ in range(total // len(block)):
                self.send(block)
            return True
        if path == "/hang":
            STOPPING.wait(120)
            return False
        if path == "/drip":
            self.send(b"HTTP/1.1 200 OK\r\nContent-Length: 120\r\nContent-Type: text/plain\r\n\r\n")
            for _ in range(120):
                if STOPPING.wait(1):
                    break
                self.send(b"d")
            return False
        if path == "/non-utf8":
            body = b"<!doctype html><title>\xff\xfe caf\xe9</title><h1>\xc3\x28 Entrep\xf4t</h1>"
            self.send(response(200, "OK", body, [("Content-Type", "text/html; charset=utf-8")]))
            return True
        if path == "/broken-chunked":
            self.send(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\nbroken\r\n0\r\n\r\n")
            return False
        if path.startswith("/encoded/"):
            encoding = path.rsplit("/", 1)[1]
            encoders = {"gzip": gzip.compress, "br": brotli_uncompressed, "zstd": zstd_raw}
            body = encoders[encoding](JSON_BODY)
            headers = [("Content-Type", "application/json"), ("Content-Encoding", encoding)]
            self.send(response(200, "OK", body, headers))
            return True
        if path == "/invalid-json":
            self.send(response(200, "OK", b'{"data": [{"id": 1, "name": "Dak', [("Content-Type", "application/json")]))
            return True
        if path == "/close-after-response":
            self.send(response(200, "OK", b"<p>bye</p>", [("Content-Type", "text/html")]))
            return False
        if path == "/escape":
            body = b"<p>\x1b]0;pwned\x07\x1b[2J\x1b[1;1H\xe2\x9c\x94 PASSED\x1b[8m hidden \x9b31m\xe2\x80\xae</p>"
            headers = [("Content-Type", "text/html"), ("Server", "evil\x1b[2Jserver")]
            self.send(response(500, "Internal Server Error", body, headers))
            return True
        if path == "/down" or path.startswith("/down/"):
            # `php artisan down`: 503 everywhere, no Retry-After, a page that says only "Service Unavailable".
            page = b"<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body>Service Unavailable</body></html>"
            self.send(response(503, "Service Unavailable", page, [("Content-Type", "text/html")]))
            return True
        if path == "/redirect-file":
            self.send(response(302, "Found", b"", [("Location", "file:///etc/passwd")]))
            return True
        if path == "/form":
            # A form as a page writes it: two required fields, posting to /ok.
            page = (b'<!doctype html><title>Form</title><form id="demande" method="post" action="/ok">'
                    b'<input name="nom" required><input name="objet" required><button>Envoyer</button></form>')
            self.send(response(200, "OK", page, [("Content-Type", "text/html")]))
            return True
        # --- console line forging (issue 19, item 4) ---
        if path == "/forge":
            page = ('<!doctype html><title>Forge</title><p id="v">ok\n\u2714 PASSED (forged)\n</p>'
                    '<form id="f\n\u2714 PASSED (forged form)" method="post" action="/ok"></form>').encode()
            self.send(response(200, "OK", page, [("Content-Type", "text/html; charset=utf-8")]))
            return True
        # --- end of console line forging ---
        # --- Credentials leaving the target (issue 19): pages that send a form, or redirect, to the origin
        # given as ?to=http://127.0.0.1:PORT; a second instance of this server plays that other origin.
        if path.startswith("/cross-origin/"):
            return self.answer_cross_origin(path[len("/cross-origin/"):])
        if path == "/steal":
            self.send(response(200, "OK", b"<p>received</p>", [("Content-Type", "text/html")]))
            return True
        # --- end of the credentials block
        if path == "/__requests":
            with RECEIVED_LOCK:
                body = json.dumps([entry for entry in RECEIVED if entry["line"].split(" ")[1] != "/__requests"]).encode()
            self.send(response(200, "OK", body, [("Content-Type", "application/json")]))
            return True
        self.send(response(404, "Not Found", b"not found"))
        return True

    def answer_cross_origin(self, name):
        """The pages of the credentials block; `to` is the other origin."""
        other = html.escape(urllib.parse.parse_qs(self.query).get("to", ["http://127.0.0.1:9"])[0], quote=True)
        login = ('<input name="email" value="admin@csar.sn"><input type="password" name="password">'
                 '<button>Connexion</button>')
        pages = {
            # A login form whose action names the other origin.
            "action": f'<form id="login" method="post" action="{other}/steal">{login}</form>',
            # A <base href> on the other origin and a relative action.
            "base": f'<base href="{other}/"><form id="login" method="post" action="steal">{login}</form>',
            # A form posting here, whose button's formaction names the other origin.
            "formaction": ('<form id="login" method="post" action="/ok"><input type="password" name="password">'
                           f'<button formaction="{other}/steal">Connexion</button></form>'),
            # A search form on the other origin: nothing secret in it.
            "search": f'<form id="search" action="{other}/steal"><input name="q"><button>Chercher</button></form>',
        }
        if name in pages:
            page = f"<!doctype html><title>Cross-origin</title>{pages[name]}".encode()
            self.send(response(200, "OK", page, [("Content-Type", "text/html")]))
            return True
        redirects = {"redirect-307": (307, "Temporary Redirect", f"{other}/steal"),
                     "redirect-302": (302, "Found", f"{other}/steal"),
                     "redirect-same-origin": (302, "Found", "/ok")}
        if name in redirects:
            status, reason, location = redirects[name]
            self.send(response(status, reason, b"", [("Location", html.unescape(location))]))
            return True
        self.send(response(404, "Not Found", b"not found"))
        return True


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--lifetime", type=float, default=300)
    arguments = parser.parse_args()
    server = Server(("127.0.0.1", 0), Handler)
    if arguments.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(arguments.cert, arguments.key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        # Ends with the test: when its standard input closes, or after the lifetime at most.
        deadline = time.monotonic() + arguments.lifetime
        while time.monotonic() < deadline:
            ready, _, _ = select.select([sys.stdin], [], [], 1)
            if ready and sys.stdin.readline() == "":
                break
    finally:
        STOPPING.set()
        server.shutdown()


if __name__ == "__main__":
    main()
