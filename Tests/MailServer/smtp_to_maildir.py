#!/usr/bin/python3
"""A real SMTP server for csar-check's tests (Debian's python3-aiosmtpd): it takes mail on 127.0.0.1 at a free
port, requires AUTH LOGIN/PLAIN with the user and password given in SMTP_USER / SMTP_PASSWORD (refusing any
other, as Gmail refuses a wrong app password), and delivers every message to the Maildir given as its argument,
which Dovecot serves over IMAPS. Prints `PORT` on its first line, then serves until its standard input closes
or SIGTERM.

    SMTP_USER=… SMTP_PASSWORD=… /usr/bin/python3 smtp_to_maildir.py /path/to/Maildir
"""
import os
import signal
import socket
import stat
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword


class Credentials:
    """Accepts exactly SMTP_USER / SMTP_PASSWORD; the file CREDENTIALS_FILE, when it exists, overrides them, so a
    test can switch the password the server wants without a restart."""

    def __init__(self, override):
        self.override = override

    def expected(self):
        if self.override and os.path.exists(self.override):
            with open(self.override, encoding="utf-8") as handle:
                user, _, password = handle.read().strip().partition("\n")
                return user, password
        return os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"]

    def __call__(self, server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        user, password = self.expected()
        ok = auth_data.login.decode() == user and auth_data.password.decode() == password
        # handled=False: aiosmtpd then answers a refusal with 535 itself (with its default, handled=True, it
        # answers nothing and the client waits until it times out).
        return AuthResult(success=ok, handled=False)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    maildir = sys.argv[1]
    # aiosmtpd checks its own port once started, so it cannot take port 0: a free one is found first, and
    # found again if another process took it meanwhile.
    for attempt in range(5):
        port = free_port()
        controller = Controller(
            Mailbox(maildir), hostname="127.0.0.1", port=port,
            authenticator=Credentials(os.environ.get("SMTP_CREDENTIALS_FILE")),
            auth_required=True, auth_require_tls=False)
        try:
            controller.start()
            break
        except OSError:
            if attempt == 4:
                raise
    print(port, flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    if stat.S_ISFIFO(os.fstat(sys.stdin.fileno()).st_mode):
        threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
