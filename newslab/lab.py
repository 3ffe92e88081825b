"""JupyterLab on the teaching notebooks, and a small Jupyter-server client for checks and scripts.

``python -m newslab.lab [--root DIR] [JupyterLab options]`` (what ``make lab LAB_ARGS="..."``
runs) checks that the ``python3`` kernel can import newslab and opens JupyterLab rooted at the
project folder — a clone's root (so ``notebooks/``, ``data/``, ``newslab/resources/`` and
``reports/`` are all in the file browser, and the browser opens on ``notebooks/``) or a student
copy made by ``newslab notebooks copy`` — passing every other option to JupyterLab (``--port 8890
--ip 0.0.0.0 --no-browser`` for a classroom server). :class:`JupyterServer` starts a headless Jupyter
server on a free loopback port with a random token and talks to it through its REST API and
kernel websocket — the test suite uses it to prove that the notebooks are listed and that a
``python3`` session runs ``import newslab``.

Example
-------
>>> with JupyterServer() as server:                        # doctest: +SKIP
...     names = [f["name"] for f in server.get("/api/contents/notebooks")["content"]]
...     kernel = server.start_session("notebooks/01_first_look.ipynb")["kernel"]["id"]
...     server.execute(kernel, "import newslab; print(newslab.__version__)")["stdout"]
'0.1.0\\n'
"""
from __future__ import annotations

import asyncio
import datetime as _dt
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import http.client
import uuid
from pathlib import Path
from typing import Any, Sequence

from .errors import NewslabError
from .classroom import clone_root, project_dir

__all__ = ["JupyterServer", "free_port", "lab_command", "main"]


def free_port() -> int:
    """A TCP port that is free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def lab_command(root: str | os.PathLike[str] | None = None, extra: Sequence[str] = ()) -> list[str]:
    """The command that opens JupyterLab on ``root`` (default :func:`~newslab.classroom.project_dir`)
    with this interpreter's kernel; ``extra`` options go to JupyterLab unchanged.

    >>> cmd = lab_command("/tmp/lessons", ["--port", "8890", "--no-browser"])
    >>> cmd[1:3], cmd[3], cmd[-2:]
    (['-m', 'jupyterlab'], '--ServerApp.root_dir=/tmp/lessons', ['8890', '--no-browser'])
    """
    folder = Path(root).expanduser().resolve() if root else project_dir()
    args = [f"--ServerApp.root_dir={folder}"]
    if folder == clone_root():
        args.append("--LabApp.default_url=/lab/tree/notebooks")  # open on the lessons, the root one click up
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")
    return [sys.executable, "-m", "jupyterlab", *args, *extra]


class JupyterServer:
    """A headless Jupyter server on a free loopback port, stopped on exit.

    Parameters
    ----------
    root_dir : path, optional
        Folder the server serves (default: the project folder, so ``notebooks/`` is listed in a clone).
    startup_timeout : float
        Seconds to wait for the server to answer ``/api/status``.

    The server's runtime files (connection files, server info) go to a private temporary folder,
    never the user's ``~/.local/share/jupyter``.
    """

    def __init__(self, root_dir: str | os.PathLike[str] | None = None, startup_timeout: float = 60.0) -> None:
        self.root_dir = Path(root_dir) if root_dir else project_dir()
        self.startup_timeout = startup_timeout
        self.port = 0
        self.token = secrets.token_hex(16)
        self.proc: subprocess.Popen[bytes] | None = None
        self._runtime = tempfile.TemporaryDirectory(prefix="newslab-jupyter-")
        self._log_path = Path(self._runtime.name) / "server.log"

    # -- lifecycle ----------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "JupyterServer":
        self.port = free_port()
        env = dict(os.environ, JUPYTER_RUNTIME_DIR=self._runtime.name)
        cmd = [sys.executable, "-m", "jupyter_server", "--no-browser", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
               f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.root_dir}"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")  # containers and CI often run as root
        self._log = open(self._log_path, "wb")
        self.proc = subprocess.Popen(cmd, stdout=self._log, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise NewslabError(f"the Jupyter server exited at start-up (status {self.proc.returncode}): "
                                   f"{self.log()[-500:]}")
            try:
                self.get("/api/status")
                return self
            except OSError:  # not listening yet (ConnectionError is an OSError)
                time.sleep(0.25)
        self.stop()
        raise NewslabError(f"the Jupyter server did not answer on {self.url} within {self.startup_timeout:.0f} s.")

    def stop(self) -> None:
        """Shut the server down (REST shutdown, then terminate/kill if it lingers)."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            try:
                self.request("POST", "/api/shutdown")
            except Exception:  # noqa: BLE001 — fall through to terminate
                pass
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.terminate()
                try:
                    self.proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait()
        self._log.close()
        self.proc = None

    def log(self) -> str:
        """The server's console output so far."""
        return self._log_path.read_text(encoding="utf-8", errors="replace") if self._log_path.exists() else ""

    def __enter__(self) -> "JupyterServer":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()
        self._runtime.cleanup()

    # -- REST ---------------------------------------------------------------------------------
    def request(self, method: str, path: str, body: Any | None = None) -> Any:
        """Call the REST API with the token; returns the decoded JSON (None for an empty body)."""
        data = json.dumps(body).encode() if body is not None else (b"" if method != "GET" else None)
        # Only ever the loopback server this object started.
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=data, headers={"Authorization": f"token {self.token}",
                                                           "Content-Type": "application/json"})
            resp = conn.getresponse()
            raw = resp.read()
        finally:
            conn.close()
        if resp.status >= 400:
            raise ConnectionError(f"{method} {path}: HTTP {resp.status} {raw[:200]!r}")
        return json.loads(raw) if raw else None

    def get(self, path: str) -> Any:
        return self.request("GET", path)

    def start_session(self, path: str, kernel_name: str = "python3") -> dict[str, Any]:
        """Open a notebook session (starts a kernel); returns the session model."""
        return self.request("POST", "/api/sessions", {"path": path, "type": "notebook", "name": Path(path).name,
                                                      "kernel": {"name": kernel_name}})

    # -- kernel websocket ---------------------------------------------------------------------
    def execute(self, kernel_id: str, code: str, timeout: float = 60.0) -> dict[str, Any]:
        """Run ``code`` in a kernel through the server's websocket; returns stdout, stderr, status, error."""
        return asyncio.run(self._execute(kernel_id, code, timeout))

    async def _execute(self, kernel_id: str, code: str, timeout: float) -> dict[str, Any]:
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        ws_url = f"ws://127.0.0.1:{self.port}/api/kernels/{kernel_id}/channels"
        conn = await websocket_connect(HTTPRequest(ws_url, headers={"Authorization": f"token {self.token}"}))
        session, msg_id = uuid.uuid4().hex, uuid.uuid4().hex
        msg = {"header": {"msg_id": msg_id, "username": "newslab", "session": session, "msg_type": "execute_request",
                          "version": "5.3", "date": _dt.datetime.now(_dt.timezone.utc).isoformat()},
               "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
               "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                           "allow_stdin": False, "stop_on_error": True}}
        await conn.write_message(json.dumps(msg))
        out: dict[str, Any] = {"stdout": "", "stderr": "", "status": None, "error": None, "results": []}
        idle = False
        deadline = time.monotonic() + timeout
        try:
            while not (idle and out["status"] is not None):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"kernel {kernel_id} did not finish executing within {timeout:.0f} s")
                raw = await asyncio.wait_for(conn.read_message(), remaining)
                if raw is None:
                    raise ConnectionError("the kernel websocket closed")
                reply = json.loads(raw)
                if reply.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind, content = reply["header"]["msg_type"], reply.get("content", {})
                if kind == "stream":
                    out[content["name"]] += content["text"]
                elif kind == "execute_result":
                    out["results"].append(content["data"].get("text/plain", ""))
                elif kind == "error":
                    out["error"] = f"{content['ename']}: {content['evalue']}"
                elif kind == "execute_reply":
                    out["status"] = content["status"]
                elif kind == "status" and content.get("execution_state") == "idle":
                    idle = True
        finally:
            conn.close()
        return out


def main(argv: Sequence[str] | None = None) -> int:
    """Open JupyterLab after checking the kernel (``python -m newslab.lab [--root DIR] [options]``).

    ``--root DIR`` roots JupyterLab there (a missing folder exits with status 2); every other
    argument is passed to JupyterLab.
    """
    from .render import check_kernel

    args = list(argv if argv is not None else sys.argv[1:])
    root = None
    for at, arg in enumerate(args):
        if arg == "--root":
            root = args[at + 1] if at + 1 < len(args) else ""
            del args[at:at + 2]
            break
        if arg.startswith("--root="):
            root = arg.split("=", 1)[1]
            del args[at]
            break
    try:
        if root is not None and not Path(root).expanduser().is_dir():
            raise NewslabError(f"{root or '--root'}: not a folder — pass --root DIR naming your lessons folder "
                               "(make one with `newslab notebooks copy DIR`).")
        check_kernel()
    except NewslabError as exc:
        print(f"newslab: {exc}", file=sys.stderr)
        return 2
    cmd = lab_command(root, extra=args)
    if os.name == "posix":
        os.execv(cmd[0], cmd)  # become JupyterLab, so Ctrl-C and kill reach the server itself
    return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
