"""Temporary files a killed process leaves (an upload cut off by `kill -9`) are removed at
the next start; those of a process still running are never touched."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from service import temp_area
from tests.seaweedfs import free_port
from tests.test_archive_restart import _kill, _start, _token

HOLDER = """
import sys, time
from pathlib import Path
from service.temp_area import claim
area = claim(Path(sys.argv[1]))
(area.folder / "tdkt-upload-spool").write_bytes(b"x" * 4096)
print(area.folder, flush=True)
time.sleep(120)
"""


def holder(root: Path) -> tuple[subprocess.Popen[str], Path]:
    """A process that claimed a folder under `root` and left a file in it."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(root)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    return process, Path(process.stdout.readline().strip())


def test_a_killed_processs_folder_is_swept_and_a_living_ones_kept(tmp_path: Path) -> None:
    root = tmp_path / "tmp"
    dead, dead_folder = holder(root)
    alive, alive_folder = holder(root)
    try:
        dead.send_signal(signal.SIGKILL)
        dead.wait(timeout=30)
        assert (dead_folder / "tdkt-upload-spool").exists()  # what kill -9 leaves
        mine = temp_area.claim(root)
        try:
            assert not dead_folder.exists()
            assert (alive_folder / "tdkt-upload-spool").exists()
            assert mine.folder.parent == root and mine.folder.exists()
        finally:
            temp_area.release(mine)
        assert not mine.folder.exists()
        assert alive_folder.exists()
    finally:
        alive.kill()
        alive.wait(timeout=30)
        for process in (dead, alive):
            assert process.stdout is not None
            process.stdout.close()


def test_an_upload_cut_off_by_kill_9_leaves_nothing_after_the_next_start(tmp_path: Path) -> None:
    data_dir, log, port = tmp_path / "data", tmp_path / "serve.log", free_port()
    auth = _token(data_dir)
    process = _start(data_dir, port, log)
    root = data_dir / "tmp"
    try:
        boundary = "tdkt-test-boundary"
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n'
        ).encode()
        request = (
            f"POST /api/v1/documents HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Authorization: {auth['Authorization']}\r\n"
            f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
            f"Content-Length: {len(head) + 20 * 1024 * 1024}\r\n\r\n"
        ).encode()
        with socket.create_connection(("127.0.0.1", port)) as upload:
            upload.sendall(request + head + b"%PDF-1.7\n" + b"0" * (2 * 1024 * 1024))
            deadline = time.monotonic() + 30
            while not (spooled := [p for p in root.glob("*/*") if p.name != ".owner"]):
                assert time.monotonic() < deadline, log.read_text()[-2000:]
                time.sleep(0.1)
            assert spooled[0].stat().st_size > 0
            _kill(process, signal.SIGKILL)  # mid-upload, as a power cut would
        assert all(p.exists() for p in spooled)
        process = _start(data_dir, port, log)
        assert not any(p.exists() for p in spooled)
        left = [p for p in root.glob("*/*") if p.name != ".owner"]
        assert left == []
    finally:
        _kill(process, signal.SIGKILL)
