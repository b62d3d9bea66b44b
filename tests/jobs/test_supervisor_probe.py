"""The demo says « Passerelles est prêt » only when the web process answers."""

import socket

from passerelles.core.supervisor import answers


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_probe_connected_to_itself_is_not_an_answer_and_leaves_the_port_free():
    # What happens by chance when the site's port is in the range the kernel hands out to
    # outgoing connections: the probe gets that very port and connects to itself.
    port = _free_port()
    address = ("127.0.0.1", port)
    assert not answers(address, source=address)
    # The web process can still take the port at once (no minute of TIME-WAIT in its way).
    with socket.socket() as server:
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(address)
        server.listen()
        assert answers(address)


def test_nothing_listening_is_no_answer():
    assert not answers(("127.0.0.1", _free_port()))
