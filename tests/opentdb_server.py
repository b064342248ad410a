#!/usr/bin/env python3
"""A stand-in for the Open Trivia Database API, for the tests only.

    python3 tests/opentdb_server.py DIR [MODE]

Listens on 127.0.0.1 on a free port, writes the port to DIR/port, and logs
every request to DIR/log as "MILLISECONDS PATH?QUERY" lines. It serves
api_category.php, api_count.php, api_count_global.php (category ID has
40 + ID verified questions in both), api_token.php and api.php with canned
answers of our own. MODE (changed later with GET /_mode?m=MODE) says how
api.php answers:

    ok           the questions asked for (base64 when encode=base64)
    code1-some   response_code 1 with 3 questions
    code1-none   response_code 1, no questions
    code2        response_code 2
    code3        response_code 3 once (token not found), then ok
    code4        response_code 4 once (token empty), then ok after a reset
    code5        response_code 5 once (too many requests), then ok
    code5-always response_code 5 every time
    malformed    a reply that is not JSON
    truncated    the first half of a good reply
    badquestion  valid JSON whose question cannot be played
    huge         a 100 MB body
    hang         never answers (holds the connection)

The questions are written for these tests: arithmetic and a few facts.
"""
import base64
import http.server
import json
import os
import socketserver
import sys
import threading
import time
import urllib.parse

CATEGORIES = [
    (9, "General Knowledge"), (11, "Entertainment: Film"),
    (17, "Science & Nature"), (18, "Science: Computers"),
    (22, "Geography"), (23, "History"),
]

FACTS = [
    ("boolean", 17, "easy", "Water boils at 100 °C at sea level.",
     "True", ["False"]),
    ("multiple", 17, "medium", "Which planet is closest to the Sun?",
     "Mercury", ["Venus", "Mars", "Earth"]),
    ("multiple", 22, "easy", "What is the capital of France?",
     "Paris", ["Lyon", "Marseille", "Nice"]),
    ("boolean", 22, "medium", "The Danube flows into the Black Sea.",
     "True", ["False"]),
    ("multiple", 17, "hard", "What is the chemical symbol of sodium?",
     "Na", ["So", "Sd", "S"]),
    ("multiple", 18, "easy", "How many bits are in a byte?",
     "8", ["4", "16", "2"]),
]


def category_name(cid):
    for i, n in CATEGORIES:
        if i == cid:
            return n
    return "General Knowledge"


def make_questions(n, cat, diff, qtype):
    out = []
    for f in FACTS:
        if len(out) >= n:
            break
        if (cat and f[1] != cat) or (diff and f[2] != diff) or \
                (qtype and f[0] != qtype):
            continue
        out.append(f)
    k = 1
    while len(out) < n:
        t = qtype or ("multiple" if k % 2 else "boolean")
        c = cat or 9
        d = diff or "medium"
        if t == "multiple":
            out.append((t, c, d, "What is %d + %d?" % (k, k), str(2 * k),
                        [str(2 * k + 1), str(2 * k - 1), str(2 * k + 2)]))
        else:
            out.append((t, c, d, "%d is an even number." % (2 * k),
                        "True", ["False"]))
        k += 1
    return out


def encode(s, enc):
    if enc == "base64":
        return base64.b64encode(s.encode("utf-8")).decode("ascii")
    if enc == "url3986":
        return urllib.parse.quote(s, safe="")
    return s.replace("'", "&#039;").replace('"', "&quot;")


def results(qs, enc):
    out = []
    for t, c, d, q, right, wrong in qs:
        out.append({
            "type": encode(t, enc), "difficulty": encode(d, enc),
            "category": encode(category_name(c), enc),
            "question": encode(q, enc), "correct_answer": encode(right, enc),
            "incorrect_answers": [encode(w, enc) for w in wrong]})
    return out


class State:
    def __init__(self, mode):
        self.mode = mode
        self.lock = threading.Lock()
        self.tokens = 0
        self.once_done = False
        self.log = None


STATE = State("ok")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def send_json(self, obj, code=200):
        body = json.dumps(obj).encode("utf-8")
        self.send_raw(body, code)

    def send_raw(self, body, code=200):
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        qs = dict(urllib.parse.parse_qsl(url.query))
        with STATE.lock:
            STATE.log.write("%d %s\n" % (int(time.time() * 1000), self.path))
            STATE.log.flush()
        if url.path == "/_mode":
            with STATE.lock:
                STATE.mode = qs.get("m", "ok")
                STATE.once_done = False
            return self.send_json({"mode": STATE.mode})
        if url.path == "/api_category.php":
            return self.send_json({"trivia_categories": [
                {"id": i, "name": n} for i, n in CATEGORIES]})
        if url.path == "/api_count.php":
            cid = int(qs.get("category", "9"))
            return self.send_json({"category_id": cid,
                                   "category_question_count": {
                                       "total_question_count": 40 + cid,
                                       "total_easy_question_count": 10 + cid,
                                       "total_medium_question_count": 20,
                                       "total_hard_question_count": 10}})
        if url.path == "/api_count_global.php":
            cats = {str(i): {"total_num_of_questions": 45 + i,
                             "total_num_of_pending_questions": 3,
                             "total_num_of_verified_questions": 40 + i,
                             "total_num_of_rejected_questions": 2}
                    for i, _ in CATEGORIES}
            return self.send_json({"overall": {
                "total_num_of_questions": sum(45 + i for i, _ in CATEGORIES),
                "total_num_of_pending_questions": 3 * len(CATEGORIES),
                "total_num_of_verified_questions":
                    sum(40 + i for i, _ in CATEGORIES),
                "total_num_of_rejected_questions": 2 * len(CATEGORIES)},
                "categories": cats})
        if url.path == "/api_token.php":
            if qs.get("command") == "reset":
                return self.send_json({"response_code": 0,
                                       "token": qs.get("token", "")})
            with STATE.lock:
                STATE.tokens += 1
                tok = "testtoken%d" % STATE.tokens
            return self.send_json({"response_code": 0,
                                   "response_message": "Token Generated",
                                   "token": tok})
        if url.path == "/api.php":
            return self.questions(qs)
        self.send_raw(b"not found", 404)

    def once(self):
        with STATE.lock:
            first = not STATE.once_done
            STATE.once_done = True
        return first

    def questions(self, qs):
        mode = STATE.mode
        n = int(qs.get("amount", "10"))
        enc = qs.get("encode", "")
        cat = int(qs["category"]) if "category" in qs else 0
        good = {"response_code": 0, "results": results(
            make_questions(n, cat, qs.get("difficulty"), qs.get("type")),
            enc)}
        if mode == "code1-some":
            good["response_code"] = 1
            good["results"] = good["results"][:3]
            return self.send_json(good)
        if mode in ("code1-none", "code2"):
            return self.send_json({"response_code": int(mode[4]),
                                   "results": []})
        if mode in ("code3", "code4", "code5") and self.once():
            return self.send_json({"response_code": int(mode[4]),
                                   "results": []})
        if mode == "code5-always":
            return self.send_json({"response_code": 5, "results": []})
        if mode == "malformed":
            return self.send_raw(b"<html><body>502 Bad Gateway</body>")
        if mode == "truncated":
            body = json.dumps(good).encode("utf-8")
            return self.send_raw(body[:len(body) // 2])
        if mode == "badquestion":
            good["results"][0]["correct_answer"] = encode("Maybe", enc)
            good["results"][0]["type"] = encode("boolean", enc)
            return self.send_json(good)
        if mode == "huge":
            return self.huge()
        if mode == "hang":
            time.sleep(60)
            return None
        return self.send_json(good)

    def huge(self):
        size = 100 * 1024 * 1024
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        chunk = b" " * 65536
        try:
            for _ in range(size // len(chunk)):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    out = sys.argv[1]
    STATE.mode = sys.argv[2] if len(sys.argv) > 2 else "ok"
    STATE.log = open(os.path.join(out, "log"), "a", encoding="utf-8")
    srv = Server(("127.0.0.1", 0), Handler)
    with open(os.path.join(out, "port.tmp"), "w") as fp:
        fp.write("%d\n" % srv.server_address[1])
    os.rename(os.path.join(out, "port.tmp"), os.path.join(out, "port"))
    srv.serve_forever()


if __name__ == "__main__":
    main()
