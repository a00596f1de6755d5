"""The review server at the HTTP level: token, host, operations, concurrent saves, stopping."""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.review_helpers import write_sample
from tmkit.review.intertext import read_intertext
from tmkit.review.server import BackgroundServer
from tmkit.review.session import ReviewSession


def request(url: str, method: str, path: str, *, token: str | None = None, body: dict | None = None,
            host: str | None = None) -> tuple[int, bytes]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["X-Tmkit-Token"] = token
    if host is not None:
        headers["Host"] = host
    connection.request(method, path, body=json.dumps(body).encode() if body is not None else None, headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, data


@pytest.fixture
def served(tmp_path: Path):
    file = write_sample(tmp_path)
    server = BackgroundServer(ReviewSession(file))
    with server as url:
        yield url, server.token, file


def test_listens_on_loopback_with_a_token_in_the_url(served) -> None:
    url, token, _ = served
    parts = urlsplit(url)
    assert parts.hostname == "127.0.0.1" and parts.port > 0 and parts.query == f"token={token}"
    assert len(token) >= 32


@pytest.mark.parametrize("path", ["/", "/static/review.js", "/static/review.css", "/api/alignment"])
def test_requests_without_the_token_are_refused(served, path: str) -> None:
    url, token, _ = served
    assert request(url, "GET", path)[0] == 403
    assert request(url, "GET", path, token=token[:-1] + ("y" if token.endswith("x") else "x"))[0] == 403
    assert request(url, "GET", path + ("&" if "?" in path else "?") + "token=nope")[0] == 403
    assert request(url, "GET", path, token=token)[0] == 200
    assert request(url, "GET", f"{path}?token={token}")[0] == 200


def test_operations_without_the_token_change_nothing(served) -> None:
    url, token, file = served
    before = file.path.read_bytes()
    status, _ = request(url, "POST", "/api/op", body={"op": "merge", "link": 2})
    assert status == 403 and file.path.read_bytes() == before
    assert request(url, "POST", "/api/export", body={})[0] == 403
    assert not file.path.with_suffix(".tmx").exists()


def test_another_host_name_is_refused(served) -> None:
    url, token, _ = served
    assert request(url, "GET", "/api/alignment", token=token, host="evil.example:80")[0] == 403
    assert request(url, "GET", "/api/alignment", token=token, host=f"localhost:{urlsplit(url).port}")[0] == 200


def test_the_page_loads_nothing_from_the_network(served) -> None:
    url, token, _ = served
    status, page = request(url, "GET", f"/?token={token}")
    assert status == 200 and b"http://" not in page and b"https://" not in page
    for name in ("review.js", "review.css"):
        _, data = request(url, "GET", f"/static/{name}", token=token)
        assert b"http://" not in data and b"https://" not in data and b"@import" not in data


def test_an_operation_is_saved_before_it_is_answered(served) -> None:
    url, token, file = served
    status, data = request(url, "POST", "/api/op", token=token, body={"op": "merge", "link": 2, "version": 0})
    answer = json.loads(data)
    assert status == 200 and answer["version"] == 1 and answer["start"] == 2 and answer["remove"] == 2
    assert answer["links"][0]["zh"] == [2] and answer["links"][0]["en"] == [2]
    saved = read_intertext(file.path).review
    assert [(link.zh, link.en) for link in saved.links][2] == ((2,), (2,))
    status, data = request(url, "POST", "/api/op", token=token, body={"op": "undo", "version": 1})
    assert status == 200 and len(read_intertext(file.path).review.links) == 7


def test_bad_operations_get_a_message_and_change_nothing(served) -> None:
    url, token, file = served
    before = file.path.read_bytes()
    status, data = request(url, "POST", "/api/op", token=token, body={"op": "merge", "link": 6})
    assert status == 400 and "no next link" in json.loads(data)["error"]
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request("POST", "/api/op", body=b"not json", headers={"X-Tmkit-Token": token})
    assert connection.getresponse().status == 400
    assert file.path.read_bytes() == before


def test_concurrent_saves_are_applied_one_at_a_time(served) -> None:
    url, token, file = served
    results: list[int] = []

    def confirm(link: int) -> None:
        for _ in range(5):
            results.append(request(url, "POST", "/api/op", token=token,
                                   body={"op": "review", "link": link, "reviewed": True})[0])

    threads = [threading.Thread(target=confirm, args=(link,)) for link in range(7)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [200] * 35
    saved = read_intertext(file.path).review
    assert saved.reviewed_count() == 7
    state = json.loads(request(url, "GET", "/api/alignment", token=token)[1])
    assert state["version"] == 35 and state["reviewed"] == 7


def test_an_operation_on_an_older_version_is_refused(served) -> None:
    url, token, file = served
    answers: list[int] = []
    barrier = threading.Barrier(2)

    def merge(link: int) -> None:
        barrier.wait()
        answers.append(request(url, "POST", "/api/op", token=token,
                               body={"op": "merge", "link": link, "version": 0})[0])

    threads = [threading.Thread(target=merge, args=(link,)) for link in (0, 4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [200, 409]
    assert len(read_intertext(file.path).review.links) == 6


def test_export_writes_the_memory_beside_the_alignment(served) -> None:
    url, token, file = served
    status, data = request(url, "POST", "/api/export", token=token, body={})
    answer = json.loads(data)
    assert status == 200 and answer["units"] == 5 and Path(answer["path"]) == file.path.with_suffix(".tmx")


def run_review(*args: str, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tmkit", "review", *args], cwd=cwd, stderr=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})


def test_command_serves_until_ctrl_c_and_everything_is_saved(tmp_path: Path) -> None:
    file = write_sample(tmp_path)
    process = run_review(str(file.path), "--no-browser", "--no-terms", cwd=tmp_path)
    try:
        lines = []
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = process.stderr.readline()
            lines.append(line)
            if line.startswith("Open "):
                break
        url = lines[-1].split()[1]
        token = url.split("token=")[1]
        status, _ = request(url, "POST", "/api/op", token=token, body={"op": "merge", "link": 2})
        assert status == 200
        process.send_signal(signal.SIGINT)
        _, rest = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 0
    assert "Traceback" not in rest and "Stopped." in rest and "1 of 6 links reviewed" in rest
    assert read_intertext(file.path).review.reviewed_count() == 1


def test_command_with_a_broken_file_says_so_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "broken.xml").write_text("<linkGrp toDoc='a.xml' fromDoc='b.xml'><link", encoding="utf-8")
    process = run_review("broken.xml", "--no-browser", cwd=tmp_path)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert err.strip().splitlines() == [err.strip()] and "broken.xml:1: not well-formed XML" in err


def test_a_change_that_cannot_be_saved_is_taken_back(served, monkeypatch) -> None:
    url, token, file = served
    before = file.path.read_bytes()

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(type(file), "save", full_disk)
    status, data = request(url, "POST", "/api/op", token=token, body={"op": "merge", "link": 2})
    assert status == 500 and "No space left" in json.loads(data)["error"]
    monkeypatch.undo()
    state = json.loads(request(url, "GET", "/api/alignment", token=token)[1])
    assert len(state["links"]) == 7 and state["version"] == 0 and not state["canUndo"]
    assert file.path.read_bytes() == before
