"""One GUI per book: a second ``crm`` on the same data folder raises the first window.

A QLockFile in the data folder says who owns the book (stale locks of dead processes are taken
over); a QLocalServer named after the folder lets the newcomer ask the owner to come forward.

The owner takes the lock before its window exists but starts listening only after its first
paint (:meth:`SingleInstance.listen`): loading QtNetwork costs start-up time nobody sees the
benefit of, and a newcomer in that window of time keeps knocking until the owner answers.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

RAISE = b"raise\n"


def server_name(folder: Path) -> str:
    import hashlib  # here: asked after the first paint (listen) or when a second Prism starts

    digest = hashlib.sha1(str(folder.resolve()).encode()).hexdigest()[:16]
    return f"prism-{digest}"


class SingleInstance(QObject):
    raise_requested = Signal()

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self._lock = QLockFile(str(folder / "prism.lock"))
        self._lock.setStaleLockTime(0)  # stale only when the owning process is gone
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True if this process now owns the book; False if another Prism does."""
        self.folder.mkdir(parents=True, exist_ok=True)
        return self._lock.tryLock(100)

    def listen(self) -> None:
        """Answer newcomers from now on (call once the window is up)."""
        from PySide6.QtNetwork import QLocalServer

        if self._server is not None:
            return
        name = server_name(self.folder)
        QLocalServer.removeServer(name)  # a crashed owner may have left its socket behind
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._on_connection)
        server.listen(name)
        self._server = server

    def _on_connection(self) -> None:
        assert self._server is not None
        socket = self._server.nextPendingConnection()
        if socket is None:
            return
        # The newcomer writes right after connecting; read it here rather than keep the
        # socket alive across events with lambdas that outlive the server.
        arrived = socket.bytesAvailable() > 0 or socket.waitForReadyRead(500)
        if arrived and bytes(socket.readAll().data()).startswith(RAISE.strip()):
            self.raise_requested.emit()
        socket.abort()
        socket.deleteLater()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        self._lock.unlock()


def ask_owner_to_raise(folder: Path, timeout_ms: int = 3000) -> bool:
    """Knock until the owner answers (it listens only once its window is up) or time runs out."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        socket.connectToServer(server_name(folder))
        if socket.waitForConnected(max(1, min(200, timeout_ms))):
            break
        socket.abort()
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)
    socket.write(RAISE)
    socket.flush()
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True
